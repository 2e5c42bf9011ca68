import type { FormatContext } from "@/lib/ingest/formats/cdr-format";
import { splitPartyText } from "@/lib/ingest/normalize/split-party-text";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { callPartyFields } from "@/lib/ingest/normalize/call-party-fields";
import { rejectRow, rejectTime, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseInstant } from "@/lib/ingest/normalize/call-time";
import { parseDurationSeconds } from "@/lib/ingest/normalize/duration-text";
import { parseOptionalInstant } from "@/lib/ingest/normalize/parse-optional-instant";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";
import { GRANDSTREAM_DISPOSITIONS } from "./columns";
import { grandstreamDirection } from "./grandstream-direction";

// One UCM CDR row, whichever export it came from, as a call or a rejection.

/** The fields both UCM exports carry, already cut out of the row and trimmed. */
export type GrandstreamValues = {
  accountCode: string;
  source: string;
  destination: string;
  dialplanContext: string;
  callerId: string;
  sourceChannel: string;
  destinationChannel: string;
  start: string;
  answer: string;
  end: string;
  durationText: string;
  billsecText: string;
  disposition: string;
  uniqueId: string;
};

export function toGrandstreamCall(values: GrandstreamValues, fields: string[], rowNumber: number, context: FormatContext): RowResult {
  // The UCM writes local wall-clock times without a zone: they are read in the file's zone.
  const zone = { timeZone: context.fileTimeZone };
  const started = parseInstant(values.start, "year-month-day", zone);
  if (!started.ok) return rejectTime(rowNumber, fields, started.reason, values.start);
  const durationSeconds = parseDurationSeconds(values.durationText);
  const billableSeconds = parseDurationSeconds(values.billsecText);
  if (durationSeconds === null || billableSeconds === null) {
    return rejectRow(rowNumber, fields, "invalid_duration", `${values.durationText} / ${values.billsecText}`);
  }
  const callee = splitPartyText(values.destination);
  if (callee.number === "") return rejectRow(rowNumber, fields, "missing_destination");

  const caller = splitPartyText(values.source);
  const source = classifyNumber(caller.number, context.numbers);
  const destination = classifyNumber(callee.number, context.numbers);
  const callId = values.uniqueId || null;
  return {
    kind: "call",
    record: {
      rowNumber,
      startedAt: started.date,
      answeredAt: parseOptionalInstant(values.answer, zone),
      endedAt: parseOptionalInstant(values.end, zone),
      durationSeconds,
      billableSeconds,
      direction: grandstreamDirection(values.dialplanContext, source.numberType, destination.numberType),
      disposition: GRANDSTREAM_DISPOSITIONS.get(values.disposition.toUpperCase()) ?? "unknown",
      ...callPartyFields(caller.number, source, callee.number, destination),
      accountCode: values.accountCode || null,
      callerName: values.callerId || caller.name,
      sourceChannel: values.sourceChannel || null,
      destinationChannel: values.destinationChannel || null,
      callId,
      costAmount: null,
      costCurrency: null,
      fingerprint: callFingerprint({ startedAt: started.date, sourceRaw: caller.number, destinationKey: destination.e164 ?? callee.number, durationSeconds, callId }),
      // Forked legs of one Asterisk call share the caller channel's uniqueid.
      legGroup: callId,
    },
  };
}
