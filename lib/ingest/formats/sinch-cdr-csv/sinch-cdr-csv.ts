import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { createNamedColumnReader, type NamedColumnRow } from "@/lib/ingest/formats/create-named-column-reader";
import { findColumns, headerMatchScore } from "@/lib/ingest/formats/header-columns";
import { parseAmount } from "@/lib/ingest/normalize/amount-text";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { callPartyFields } from "@/lib/ingest/normalize/call-party-fields";
import { inferDirection } from "@/lib/ingest/normalize/call-direction";
import { rejectRow, rejectTime, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseInstant, type DateContext } from "@/lib/ingest/normalize/call-time";
import { parseOptionalInstant } from "@/lib/ingest/normalize/parse-optional-instant";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";
import { secondsBetween } from "@/lib/ingest/normalize/seconds-between";
import { SINCH_COLUMNS, SINCH_DISPOSITIONS, SINCH_MANDATORY_NAMES, SINCH_SNIFF_NAMES, type SinchColumn } from "./columns";

// Sinch voice CDR download (https://developers.sinch.com/docs/voice/api-reference/cdr), ";"-separated, a row per call.
// The docs name the fields but no header line, time notation or zone: only files headed by the field
// names are claimed, and times are read as year-month-day in the file's zone unless they carry an offset.

const INTEGER = /^\d+$/;

export const sinchCdrCsv: CdrFormat = {
  id: "sinch-cdr-csv",
  label: "Sinch voice CDR (semicolon separated)",
  headerRows: 1,
  legPolicy: "one-row-per-call",
  sniff(rows) {
    return headerMatchScore(rows[0], SINCH_SNIFF_NAMES, SINCH_MANDATORY_NAMES);
  },
  createReader(header, context) {
    const names = header[0] ?? [];
    const zone = { timeZone: context.fileTimeZone };
    return createNamedColumnReader(names, findColumns(names, SINCH_COLUMNS), (row) => toCallRecord(row, zone, context));
  },
};

function toCallRecord({ fields, rowNumber, field }: NamedColumnRow<SinchColumn>, zone: DateContext, context: FormatContext): RowResult {
  const called = parseInstant(field("calledAt"), "year-month-day", zone);
  if (!called.ok) return rejectTime(rowNumber, fields, called.reason, field("calledAt"));
  const talkText = field("talkSeconds");
  if (talkText !== "" && !INTEGER.test(talkText)) return rejectRow(rowNumber, fields, "invalid_duration", talkText);
  const amountText = field("amount");
  const amount = parseAmount(decimalPoint(amountText));
  if (amountText !== "" && !amount) return rejectRow(rowNumber, fields, "invalid_amount", amountText);
  const destinationRaw = field("to");
  if (destinationRaw === "") return rejectRow(rowNumber, fields, "missing_destination");

  const answeredAt = parseOptionalInstant(field("answeredAt"), zone);
  const disposition = SINCH_DISPOSITIONS.get(field("result").toUpperCase()) ?? "unknown";
  // Duration is the "call time in seconds": talk time, counted from the answer.
  const talkSeconds = talkText === "" ? 0 : Number(talkText);
  const ringSeconds = secondsBetween(called.date, answeredAt);
  const durationSeconds = ringSeconds + talkSeconds;
  const sourceRaw = field("from");
  const source = classifyNumber(sourceRaw, context.numbers);
  const destination = classifyNumber(destinationRaw, context.numbers);
  const callId = field("callId") || null;
  return {
    kind: "call",
    record: {
      rowNumber,
      startedAt: called.date,
      answeredAt,
      endedAt: answeredAt ? new Date(answeredAt.getTime() + talkSeconds * 1000) : null,
      durationSeconds,
      billableSeconds: disposition === "answered" ? talkSeconds : 0,
      // No direction field: phone-terminated and phone-originated calls differ only in their values.
      direction: inferDirection({ sourceType: source.numberType, destinationType: destination.numberType }),
      disposition,
      ...callPartyFields(sourceRaw, source, destinationRaw, destination),
      accountCode: null,
      callerName: null,
      sourceChannel: null,
      destinationChannel: null,
      callId,
      costAmount: amount?.amount ?? null,
      costCurrency: amount ? field("currency").toUpperCase() || amount.currency : null,
      fingerprint: callFingerprint({ startedAt: called.date, sourceRaw, destinationKey: destination.e164 ?? destinationRaw, durationSeconds, callId }),
      legGroup: null,
    },
  };
}

/** Semicolon files often come from decimal-comma locales: "0,3510" is 0.3510 when no point is present. */
function decimalPoint(text: string): string {
  return text.includes(",") && !text.includes(".") ? text.replace(",", ".") : text;
}
