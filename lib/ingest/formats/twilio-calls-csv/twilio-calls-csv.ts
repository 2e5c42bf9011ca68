import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { createNamedColumnReader, type NamedColumnRow } from "@/lib/ingest/formats/create-named-column-reader";
import { findColumns, headerMatchScore } from "@/lib/ingest/formats/header-columns";
import { parseAmount } from "@/lib/ingest/normalize/amount-text";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { callPartyFields } from "@/lib/ingest/normalize/call-party-fields";
import { inferDirection } from "@/lib/ingest/normalize/call-direction";
import { rejectRow, rejectTime, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseInstant, type ParsedInstant } from "@/lib/ingest/normalize/call-time";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";
import { secondsBetween } from "@/lib/ingest/normalize/seconds-between";
import { CALL_SID, TWILIO_COLUMNS, TWILIO_DIRECTIONS, TWILIO_DISPOSITIONS, TWILIO_MANDATORY_NAMES, TWILIO_SNIFF_NAMES, type TwilioColumn } from "./columns";

// CSV headed by Twilio's Call resource fields (https://www.twilio.com/docs/voice/api/call-resource), a row per leg:
// child legs (parent_call_sid) group with their parent; times UTC, RFC 2822 or ISO 8601. Twilio's BulkExport
// (https://www.twilio.com/docs/usage/bulkexport) is gzipped JSON lines, not CSV, and is not read here.

const UTC = { timeZone: "UTC" };
const INTEGER = /^\d+$/;
const STARTS_WITH_LETTER = /^[A-Za-z]/;

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
    return createNamedColumnReader(names, findColumns(names, TWILIO_COLUMNS), (row) => toCallRecord(row, context));
  },
};

function toCallRecord({ fields, rowNumber, field }: NamedColumnRow<TwilioColumn>, context: FormatContext): RowResult {
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
  const durationSeconds = Math.max(talkSeconds, secondsBetween(started.date, endedAt));
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
      ...callPartyFields(sourceRaw, source, destinationRaw, destination),
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
