import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { createNamedColumnReader, type NamedColumnRow } from "@/lib/ingest/formats/create-named-column-reader";
import { findColumns } from "@/lib/ingest/formats/header-columns";
import { isRepeatedHeaderCell } from "@/lib/ingest/formats/is-repeated-header-cell";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { callPartyFields } from "@/lib/ingest/normalize/call-party-fields";
import { inferDirection } from "@/lib/ingest/normalize/call-direction";
import { rejectRow, rejectTime, type CallDirection, type NumberType, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseInstant } from "@/lib/ingest/normalize/call-time";
import { parseDurationSeconds } from "@/lib/ingest/normalize/duration-text";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";
import { splitPartyText } from "@/lib/ingest/normalize/split-party-text";
import { YEASTAR_CORE_FIELDS, YEASTAR_DIRECTIONS, YEASTAR_DISPOSITIONS, YEASTAR_HEADER_NAMES, type YeastarField } from "./columns";
import { toTwentyFourHourClock } from "./to-twenty-four-hour-clock";

// Yeastar P-Series CDR download (CSV), one header row (../shared/formats §7c). Rows of one call
// share its ID (P-Series lists calls with several legs), so the ID is the leg group.

type Columns = Record<YeastarField, number>;

export const yeastarCdr: CdrFormat = {
  id: "yeastar-cdr",
  label: "Yeastar P-Series CDR download (CSV)",
  headerRows: 1,
  legPolicy: "grouped-by-call-id",
  sniff(rows) {
    const header = rows[0];
    if (!header) return 0;
    const columns = findColumns(header, YEASTAR_HEADER_NAMES);
    return YEASTAR_CORE_FIELDS.every((field) => columns[field] >= 0) ? 1 : 0;
  },
  createReader(header, context) {
    const headerRow = header[0] ?? [];
    const columns = findColumns(headerRow, YEASTAR_HEADER_NAMES);
    return createNamedColumnReader(headerRow, columns, (row) => {
      // Downloads pasted one after another repeat the header row.
      if (isRepeatedHeaderCell(row.fields, headerRow, columns.time)) return { kind: "skipped", rowNumber: row.rowNumber, reason: "repeated_header" };
      return toCallRecord(row, columns, context);
    });
  },
};

function toCallRecord({ fields, rowNumber, field }: NamedColumnRow<YeastarField>, columns: Columns, context: FormatContext): RowResult {
  const timeText = field("time");
  // Year-last dates are rejected, not guessed: DD/MM or MM/DD is a PBX display setting the file does not name.
  const started = parseInstant(toTwentyFourHourClock(timeText), "year-month-day", { timeZone: context.fileTimeZone });
  if (!started.ok) return rejectTime(rowNumber, fields, started.reason, timeText);
  const talkSeconds = secondsOf(field("talkDuration"));
  const callSeconds = secondsOf(field("callDuration"));
  const ringSeconds = secondsOf(field("ringDuration"));
  if (talkSeconds === null || callSeconds === null || ringSeconds === null) {
    return rejectRow(rowNumber, fields, "invalid_duration", `${field("callDuration")} / ${field("talkDuration")}`);
  }
  const callee = splitPartyText(field("callTo"));
  if (callee.number === "") return rejectRow(rowNumber, fields, "missing_destination");

  const caller = splitPartyText(field("callFrom"));
  const source = classifyNumber(caller.number, context.numbers);
  const destination = classifyNumber(callee.number, context.numbers);
  const disposition = YEASTAR_DISPOSITIONS.get(field("status").toUpperCase()) ?? "unknown";
  // Call Duration runs from the start; without it, ringing plus talking is the closest figure.
  const durationSeconds = columns.callDuration >= 0 ? Math.max(callSeconds, talkSeconds) : ringSeconds + talkSeconds;
  const startedAtMs = started.date.getTime();
  const callId = field("id") || null;
  return {
    kind: "call",
    record: {
      rowNumber,
      startedAt: started.date,
      // Yeastar writes no answer or end time: both follow from the start and the durations.
      answeredAt: disposition === "answered" ? new Date(startedAtMs + (durationSeconds - talkSeconds) * 1000) : null,
      endedAt: new Date(startedAtMs + durationSeconds * 1000),
      durationSeconds,
      billableSeconds: talkSeconds,
      direction: directionOf(field("communicationType"), columns.communicationType >= 0, source.numberType, destination.numberType),
      disposition,
      ...callPartyFields(caller.number, source, callee.number, destination),
      // PIN Code is an outbound-route password: never stored as an account code.
      accountCode: null,
      callerName: caller.name,
      sourceChannel: field("sourceTrunk") || null,
      destinationChannel: field("destinationTrunk") || null,
      callId,
      costAmount: null,
      costCurrency: null,
      fingerprint: callFingerprint({ startedAt: started.date, sourceRaw: caller.number, destinationKey: destination.e164 ?? callee.number, durationSeconds, callId }),
      legGroup: callId,
    },
  };
}

/** Seconds ("75") or a clock ("0:01:15"); an empty cell is zero. */
function secondsOf(text: string): number | null {
  return text === "" ? 0 : parseDurationSeconds(text);
}

function directionOf(communicationType: string, hasTypeColumn: boolean, sourceType: NumberType, destinationType: NumberType): CallDirection {
  if (!hasTypeColumn) return inferDirection({ sourceType, destinationType });
  return YEASTAR_DIRECTIONS.get(communicationType.toLowerCase()) ?? "unknown";
}
