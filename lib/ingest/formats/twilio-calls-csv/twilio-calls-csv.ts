import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { findColumns, headerMatchScore } from "@/lib/ingest/formats/header-columns";
import { parseAmount } from "@/lib/ingest/normalize/amount-text";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { inferDirection } from "@/lib/ingest/normalize/call-direction";
import { rejectRow, rejectTime, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseInstant, type ParsedInstant } from "@/lib/ingest/normalize/call-time";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";
import { CALL_SID, TWILIO_COLUMNS, TWILIO_DIRECTIONS, TWILIO_DISPOSITIONS, TWILIO_MANDATORY_NAMES, TWILIO_SNIFF_NAMES, type TwilioColumn } from "./columns";

// CSV headed by Twilio's Call resource fields (https://www.twilio.com/docs/voice/api/call-resource), a row per leg:
// child legs (parent_call_sid) group with their parent; times UTC, RFC 2822 or ISO 8601. Twilio's BulkExport
// (https://www.twilio.com/docs/usage/bulkexport) is gzipped JSON lines, not CSV, and is not read here.

const UTC = { timeZone: "UTC" };
const INTEGER = /^\d+$/;
const STARTS_WITH_LETTER = /^[A-Za-z]/;

type TwilioReader = { columns: Record<TwilioColumn, number>; columnCount: number; context: FormatContext };

export const twilioCallsCsv: CdrFormat = {
  id: "twilio-calls-csv",
  label: "Twilio calls (CSV of Call resource fields)",
  headerRows: 1,
  legPolicy: "grouped-by-call-id",
  sniff(rows) {
    const [header, ...dataRows] = rows;
    const score = headerMatchScore(header, TWILIO_SNIFF_NAMES, TWILIO_MANDATORY_NAMES);
    if (score === 0 || dataRows.length === 0) return score;
    const sidIndex = findColumns(header, { sid: TWILIO_COLUMNS.sid }).sid;
    const callRows = dataRows.filter((fields) => CALL_SID.test(fields[sidIndex]?.trim() ?? "")).length;
    return score * (callRows / dataRows.length);
  },
  createReader(header, context) {
    const names = header[0] ?? [];
    const reader: TwilioReader = { columns: findColumns(names, TWILIO_COLUMNS), columnCount: names.length, context };
    return (fields, rowNumber) => toCallRecord(fields, rowNumber, reader);
  },
};

function toCallRecord(fields: string[], rowNumber: number, reader: TwilioReader): RowResult {
  const { columns, context } = reader;
  const field = (column: TwilioColumn) => (columns[column] < 0 ? "" : (fields[columns[column]]?.trim() ?? ""));
  if (fields.length !== reader.columnCount) {
    return rejectRow(rowNumber, fields, "wrong_column_count", `${fields.length} of ${reader.columnCount}`);
  }
  // Queued and canceled calls were never dialled: no start_time, only date_created.
  const startText = field("startedAt") || field("createdAt");
  const started = twilioInstant(startText);
  if (!started.ok) return rejectTime(rowNumber, fields, started.reason, startText);
  const durationText = field("durationSeconds");
  if (durationText !== "" && !INTEGER.test(durationText)) return rejectRow(rowNumber, fields, "invalid_duration", durationText);
  const priceText = field("price");
  const price = parseAmount(priceText);
  if (priceText !== "" && !price) return rejectRow(rowNumber, fields, "invalid_amount", priceText);
  const destinationRaw = field("to");
  if (destinationRaw === "") return rejectRow(rowNumber, fields, "missing_destination");

  const endText = field("endedAt");
  const ended = endText === "" ? null : twilioInstant(endText);
  const endedAt = ended?.ok ? ended.date : null;
  const disposition = TWILIO_DISPOSITIONS.get(field("status").toLowerCase()) ?? "unknown";
  // duration is empty for busy, failed, unanswered and ongoing calls.
  const talkSeconds = durationText === "" ? 0 : Number(durationText);
  const wholeCallSeconds = endedAt ? Math.round((endedAt.getTime() - started.date.getTime()) / 1000) : 0;
  const durationSeconds = Math.max(talkSeconds, wholeCallSeconds);
  const sourceRaw = field("from");
  const source = classifyNumber(sourceRaw, context.numbers);
  const destination = classifyNumber(destinationRaw, context.numbers);
  const callId = field("sid") || null;
  return {
    kind: "call",
    record: {
      rowNumber,
      startedAt: started.date,
      // Twilio reports no answer time.
      answeredAt: null,
      endedAt,
      durationSeconds,
      billableSeconds: disposition === "answered" ? talkSeconds : 0,
      direction: TWILIO_DIRECTIONS.get(field("direction").toLowerCase()) ?? inferDirection({ sourceType: source.numberType, destinationType: destination.numberType }),
      disposition,
      sourceRaw,
      sourceE164: source.e164,
      destinationRaw,
      destinationE164: destination.e164,
      destinationCountry: destination.country,
      destinationNumberType: destination.numberType,
      accountCode: field("accountSid") || null,
      callerName: field("callerName") || null,
      sourceChannel: null,
      destinationChannel: null,
      callId,
      // Twilio writes what it charged as a negative amount ("-0.0079").
      costAmount: price ? absoluteAmount(price.amount) : null,
      costCurrency: price ? field("priceUnit").toUpperCase() || price.currency : null,
      fingerprint: callFingerprint({ startedAt: started.date, sourceRaw, destinationKey: destination.e164 ?? destinationRaw, durationSeconds, callId }),
      legGroup: field("parentSid") || callId,
    },
  };
}

/** "Sat, 14 Mar 2026 02:10:05 +0000" (REST) or "2026-03-14T02:10:05Z" (ISO 8601); both UTC. */
function twilioInstant(text: string): ParsedInstant {
  return STARTS_WITH_LETTER.test(text) ? parseInstant(text, "rfc-2822", UTC) : parseInstant(text, "year-month-day", UTC);
}

function absoluteAmount(amount: string): string {
  return amount.startsWith("-") ? amount.slice(1) : amount;
}
