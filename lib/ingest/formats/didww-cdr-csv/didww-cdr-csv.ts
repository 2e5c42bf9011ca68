import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { createNamedColumnReader, type NamedColumnRow } from "@/lib/ingest/formats/create-named-column-reader";
import { findColumns, headerMatchScore } from "@/lib/ingest/formats/header-columns";
import { parseAmount } from "@/lib/ingest/normalize/amount-text";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { callPartyFields } from "@/lib/ingest/normalize/call-party-fields";
import { inferDirection } from "@/lib/ingest/normalize/call-direction";
import { rejectRow, rejectTime, type CallDirection, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseInstant } from "@/lib/ingest/normalize/call-time";
import { parseOptionalInstant } from "@/lib/ingest/normalize/parse-optional-instant";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";
import { secondsBetween } from "@/lib/ingest/normalize/seconds-between";
import { dispositionFromSipResponse } from "@/lib/ingest/normalize/sip-response-disposition";
import { DIDWW_COLUMNS, DIDWW_TIME_NAMES, type DidwwColumn } from "./columns";

// DIDWW CDR export (.csv.gz, header line, times "2020-01-01 11:22:33" in UTC), inbound (cdr_in,
// calls to our DIDs) or outbound (cdr_out, calls out through our trunks): which one, the header says.
// Source: https://doc.didww.com/api3/2026-04-16/export/get-csv-file-of-export.html

const UTC = { timeZone: "UTC" };
const INTEGER = /^\d+$/;
/** DIDWW writes international numbers as E.164 digits without "+" (44123456789). */
const INTERNATIONAL_DIGITS = /^[1-9]\d{6,14}$/;

export const didwwCdrCsv: CdrFormat = {
  id: "didww-cdr-csv",
  label: "DIDWW CDR export (inbound or outbound)",
  headerRows: 1,
  legPolicy: "grouped-by-call-id",
  sniff(rows) {
    const header = rows[0] ?? [];
    const columns = findColumns(header, DIDWW_COLUMNS);
    const hasNumbers = columns.source >= 0 && (columns.didNumber >= 0 || columns.dialledNumber >= 0);
    return hasNumbers ? headerMatchScore(header, DIDWW_TIME_NAMES, ["Date/Time Start (UTC)"]) : 0;
  },
  createReader(header, context) {
    const names = header[0] ?? [];
    const columns = findColumns(names, DIDWW_COLUMNS);
    const direction = columns.didNumber >= 0 ? "inbound" : columns.dialledNumber >= 0 ? "outbound" : null;
    return createNamedColumnReader(names, columns, (row) => toCallRecord(row, direction, context));
  },
};

function toCallRecord({ fields, rowNumber, field }: NamedColumnRow<DidwwColumn>, direction: CallDirection | null, context: FormatContext): RowResult {
  const started = parseInstant(field("startedAt"), "year-month-day", UTC);
  if (!started.ok) return rejectTime(rowNumber, fields, started.reason, field("startedAt"));
  const talkText = field("talkSeconds");
  if (talkText !== "" && !INTEGER.test(talkText)) return rejectRow(rowNumber, fields, "invalid_duration", talkText);
  const costText = field("totalUsd");
  const cost = parseAmount(costText);
  if (costText !== "" && !cost) return rejectRow(rowNumber, fields, "invalid_amount", costText);
  const destinationRaw = field("didNumber") || field("dialledNumber");
  if (destinationRaw === "") return rejectRow(rowNumber, fields, "missing_destination");

  const connectedAt = parseOptionalInstant(field("connectedAt"), UTC);
  const endedAt = parseOptionalInstant(field("endedAt"), UTC);
  const talkSeconds = talkText !== "" ? Number(talkText) : secondsBetween(connectedAt, endedAt);
  const durationSeconds = Math.max(talkSeconds, secondsBetween(started.date, endedAt));
  const sourceRaw = field("source") || field("callerId");
  const source = classifyNumber(internationalForm(sourceRaw), context.numbers);
  const destination = classifyNumber(internationalForm(destinationRaw), context.numbers);
  const callId = field("callId") || null;
  const isAnswered = connectedAt !== null || talkSeconds > 0;
  return {
    kind: "call",
    record: {
      rowNumber,
      startedAt: started.date,
      answeredAt: connectedAt,
      endedAt,
      durationSeconds,
      billableSeconds: isAnswered ? talkSeconds : 0,
      direction: direction ?? inferDirection({ sourceType: source.numberType, destinationType: destination.numberType }),
      disposition: isAnswered ? "answered" : dispositionFromSipResponse(field("disconnectCode")),
      ...callPartyFields(sourceRaw, source, destinationRaw, destination),
      accountCode: null,
      callerName: field("sourceName") || null,
      sourceChannel: null,
      destinationChannel: field("trunk") || field("deliveredTo") || null,
      callId,
      costAmount: cost?.amount ?? null,
      costCurrency: cost ? "USD" : null,
      fingerprint: callFingerprint({ startedAt: started.date, sourceRaw, destinationKey: destination.e164 ?? destinationRaw, durationSeconds, callId }),
      // Rows of one Call ID are the attempts (Attempt 1, 2, …) to deliver the same call.
      legGroup: callId,
    },
  };
}

function internationalForm(number: string): string {
  return INTERNATIONAL_DIGITS.test(number) ? `+${number}` : number;
}
