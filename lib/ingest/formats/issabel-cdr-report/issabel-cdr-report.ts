import { ASTERISK_DISPOSITIONS } from "@/lib/ingest/formats/asterisk-cdr-csv/columns";
import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { findColumns, headerMatchScore } from "@/lib/ingest/formats/header-columns";
import { headerNameMatcher } from "@/lib/ingest/formats/header-name-matcher";
import { rejectWrongColumnCount } from "@/lib/ingest/formats/reject-wrong-column-count";
import { valueAt } from "@/lib/ingest/formats/value-at";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { callPartyFields } from "@/lib/ingest/normalize/call-party-fields";
import { inferDirection } from "@/lib/ingest/normalize/call-direction";
import { rejectRow, rejectTime, type CallDisposition, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseInstant } from "@/lib/ingest/normalize/call-time";
import { parseDurationSeconds } from "@/lib/ingest/normalize/duration-text";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";
import { REPORT_FIELDS, REPORT_LABELS, REPORT_MANDATORY, type ReportColumns } from "./columns";

// Issabel 4's CDR report CSV (Duration `1m 15s`, or `75` with "Show time in Secs") and the Elastix 2
// grid export (every field `"…",` with a trailing comma, Duration `75s (1m 15s)`). Both show the
// `cdr` table's calldate in the server's local time, and neither has a dialplan context.

/** Status may arrive still wrapped in the grid's `<font color=…>` when HTML was not stripped. */
const HTML_TAG = /<[^>]*>/g;

type ReportReader = { columns: ReportColumns; columnCount: number; isDateHeader: (value: string) => boolean; context: FormatContext };

export const issabelCdrReport: CdrFormat = {
  id: "issabel-cdr-report",
  label: "Issabel / Elastix CDR report CSV (English labels)",
  headerRows: 1,
  legPolicy: "grouped-by-call-id",
  sniff(rows) {
    return headerMatchScore(rows[0], REPORT_LABELS, REPORT_MANDATORY);
  },
  createReader(header, context) {
    const labels = header[0] ?? [];
    const columns = findColumns(labels, REPORT_FIELDS);
    const reader: ReportReader = { columns, columnCount: labels.length, isDateHeader: headerNameMatcher(labels, columns.date), context };
    return (fields, rowNumber) => toCallRecord(fields, rowNumber, reader);
  },
};

function toCallRecord(fields: string[], rowNumber: number, { columns, columnCount, isDateHeader, context }: ReportReader): RowResult {
  const dateText = valueAt(fields, columns.date);
  if (isDateHeader(dateText)) return { kind: "skipped", rowNumber, reason: "repeated_header" };
  if (fields.length !== columnCount) return rejectWrongColumnCount(fields, rowNumber, columnCount);
  const started = parseInstant(dateText, "year-month-day", { timeZone: context.fileTimeZone });
  if (!started.ok) return rejectTime(rowNumber, fields, started.reason, dateText);
  const durationText = valueAt(fields, columns.duration);
  // Duration is billsec (index.php shows column 8 of listarCDRs' calldate, …, duration, billsec).
  const billableSeconds = parseDurationSeconds(durationText);
  if (billableSeconds === null) return rejectRow(rowNumber, fields, "invalid_duration", durationText);
  const destinationRaw = valueAt(fields, columns.destination);
  if (destinationRaw === "") return rejectRow(rowNumber, fields, "missing_destination");

  const sourceRaw = valueAt(fields, columns.source);
  const source = classifyNumber(sourceRaw, context.numbers);
  const destination = classifyNumber(destinationRaw, context.numbers);
  const callId = valueAt(fields, columns.uniqueId) || null;
  return {
    kind: "call",
    record: {
      rowNumber,
      startedAt: started.date,
      answeredAt: null,
      endedAt: null,
      // Ringing time is not exported: the talk time is the shortest length the call can have had.
      durationSeconds: billableSeconds,
      billableSeconds,
      direction: inferDirection({ sourceType: source.numberType, destinationType: destination.numberType }),
      disposition: dispositionOf(valueAt(fields, columns.status), billableSeconds),
      ...callPartyFields(sourceRaw, source, destinationRaw, destination),
      accountCode: valueAt(fields, columns.accountCode) || null,
      callerName: null,
      sourceChannel: valueAt(fields, columns.sourceChannel) || null,
      destinationChannel: valueAt(fields, columns.destinationChannel) || null,
      callId,
      costAmount: null,
      costCurrency: null,
      fingerprint: callFingerprint({ startedAt: started.date, sourceRaw, destinationKey: destination.e164 ?? destinationRaw, durationSeconds: billableSeconds, callId }),
      // A forked Dial writes one row per ringing phone under the caller's uniqueid; Elastix 2 has none.
      legGroup: callId,
    },
  };
}

/** A translated status (UI not in English) is unknown, unless talk time proves the call was answered. */
function dispositionOf(statusText: string, billableSeconds: number): CallDisposition {
  const status = (statusText.includes("<") ? statusText.replace(HTML_TAG, "") : statusText).trim().toUpperCase();
  return ASTERISK_DISPOSITIONS[status] ?? (billableSeconds > 0 ? "answered" : "unknown");
}
