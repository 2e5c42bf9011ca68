import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { createNamedColumnReader, type NamedColumnRow } from "@/lib/ingest/formats/create-named-column-reader";
import { findColumns, headerMatchScore } from "@/lib/ingest/formats/header-columns";
import { parseAmount } from "@/lib/ingest/normalize/amount-text";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { callPartyFields } from "@/lib/ingest/normalize/call-party-fields";
import { inferDirection } from "@/lib/ingest/normalize/call-direction";
import { rejectRow, rejectTime, type CallDisposition, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseDurationSeconds } from "@/lib/ingest/normalize/duration-text";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";
import { dispositionFromCause } from "@/lib/ingest/normalize/q850-cause";
import { secondsBetween } from "@/lib/ingest/normalize/seconds-between";
import { dispositionFromSipResponse } from "@/lib/ingest/normalize/sip-response-disposition";
import { TELNYX_COLUMNS, TELNYX_DIRECTIONS, TELNYX_NUMBER_NAMES, type TelnyxColumn } from "./columns";
import { telnyxCallTimes } from "./telnyx-call-times";

// Telnyx CDR report (voice batch detail records) as CSV with the documented field names as header,
// one row per call. Source: https://developers.telnyx.com/api-reference/cdr-reports/get-available-cdr-report-fields
// The generated file itself was not seen: value formats (times, hangup_code, billable_time) are inferred.

const SIP_STATUS = /^\d{3}$/;

export const telnyxCdrCsv: CdrFormat = {
  id: "telnyx-cdr-csv",
  label: "Telnyx CDR report",
  headerRows: 1,
  legPolicy: "one-row-per-call",
  sniff(rows) {
    const header = rows[0] ?? [];
    const columns = findColumns(header, TELNYX_COLUMNS);
    const hasStart = columns.startedAtUtc >= 0 || columns.startedAtLocal >= 0;
    return hasStart ? headerMatchScore(header, TELNYX_NUMBER_NAMES, TELNYX_NUMBER_NAMES) : 0;
  },
  createReader(header, context) {
    const names = header[0] ?? [];
    return createNamedColumnReader(names, findColumns(names, TELNYX_COLUMNS), (row) => toCallRecord(row, context));
  },
};

function toCallRecord({ fields, rowNumber, field }: NamedColumnRow<TelnyxColumn>, context: FormatContext): RowResult {
  const times = telnyxCallTimes(
    { startUtc: field("startedAtUtc"), startLocal: field("startedAtLocal"), answer: field("answeredAt"), end: field("endedAt") },
    context,
  );
  if (!times.started.ok) return rejectTime(rowNumber, fields, times.started.reason, times.startText);
  const startedAt = times.started.date;
  const billableText = field("billableTime");
  const billableTime = billableText === "" ? 0 : parseDurationSeconds(billableText);
  if (billableTime === null) return rejectRow(rowNumber, fields, "invalid_duration", billableText);
  const costText = field("cost");
  const cost = parseAmount(costText);
  if (costText !== "" && !cost) return rejectRow(rowNumber, fields, "invalid_amount", costText);
  const destinationRaw = field("terminatingNumber");
  if (destinationRaw === "") return rejectRow(rowNumber, fields, "missing_destination");

  const { answeredAt, endedAt } = times;
  // Answer-to-end seconds when both are known: billable_time may be rounded up to a billing increment.
  const talkSeconds = answeredAt && endedAt ? secondsBetween(answeredAt, endedAt) : billableTime;
  const isAnswered = answeredAt !== null || talkSeconds > 0;
  const durationSeconds = Math.max(talkSeconds, secondsBetween(startedAt, endedAt));
  const sourceRaw = field("originationNumber");
  const source = classifyNumber(sourceRaw, context.numbers);
  const destination = classifyNumber(destinationRaw, context.numbers);
  const callId = field("sipCallId") || null;
  return {
    kind: "call",
    record: {
      rowNumber,
      startedAt,
      answeredAt,
      endedAt,
      durationSeconds,
      billableSeconds: isAnswered ? talkSeconds : 0,
      direction: TELNYX_DIRECTIONS.get(field("direction").toLowerCase()) ?? inferDirection({ sourceType: source.numberType, destinationType: destination.numberType }),
      disposition: isAnswered ? "answered" : hangupDisposition(field("hangupCode")),
      ...callPartyFields(sourceRaw, source, destinationRaw, destination),
      accountCode: field("billingGroupId") || null,
      callerName: null,
      sourceChannel: field("connectionId") || null,
      destinationChannel: null,
      callId,
      costAmount: cost?.amount ?? null,
      // The report has no currency field: amounts are in the account's billing currency.
      costCurrency: cost?.currency ?? null,
      fingerprint: callFingerprint({ startedAt, sourceRaw, destinationKey: destination.e164 ?? destinationRaw, durationSeconds, callId }),
      legGroup: null,
    },
  };
}

/** hangup_code values are not documented: read as a SIP response code, else as a Q.850 cause name. */
function hangupDisposition(code: string): CallDisposition {
  if (code === "") return "unknown";
  return SIP_STATUS.test(code) ? dispositionFromSipResponse(code) : dispositionFromCause(code, false);
}
