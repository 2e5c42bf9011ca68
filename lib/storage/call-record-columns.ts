import "server-only";
import type { NormalizedCall, RejectedRow } from "@/lib/ingest/normalize/call-record";

// The one ordered column list that COPY into staging and the merge into call_records agree on
// (pg-copy-streams: "you are responsible for properly encoding and ordering all your columns").
// Calls and rejected rows share the staging table, so one COPY stream carries the whole upload.
// Instants travel as epoch milliseconds and become timestamptz in PostgreSQL (generated columns):
// formatting three ISO strings per row was a large share of the loader's time.

type CopyValue = string | number | null;
/** `isCopyText`: ofCall already gives COPY text (nothing in it to escape). */
type Column = { name: string; type: string; isCopyText?: true; ofCall: (call: NormalizedCall, isLegRepeat: boolean) => CopyValue; ofRejected?: (row: RejectedRow) => CopyValue };

const epochMs = (date: Date | null) => (date === null ? null : date.getTime());

const COLUMNS: readonly Column[] = [
  { name: "kind", type: "text", ofCall: () => "call", ofRejected: () => "rejected" },
  { name: "row_number", type: "integer", ofCall: (call) => call.rowNumber, ofRejected: (row) => row.rowNumber },
  { name: "started_ms", type: "bigint", ofCall: (call) => call.startedAt.getTime() },
  { name: "answered_ms", type: "bigint", ofCall: (call) => epochMs(call.answeredAt) },
  { name: "ended_ms", type: "bigint", ofCall: (call) => epochMs(call.endedAt) },
  { name: "duration_seconds", type: "integer", ofCall: (call) => call.durationSeconds },
  { name: "billable_seconds", type: "integer", ofCall: (call) => call.billableSeconds },
  { name: "direction", type: "call_direction", ofCall: (call) => call.direction },
  { name: "disposition", type: "call_disposition", ofCall: (call) => call.disposition },
  { name: "source_raw", type: "text", ofCall: (call) => call.sourceRaw },
  { name: "source_e164", type: "text", ofCall: (call) => call.sourceE164 },
  { name: "destination_raw", type: "text", ofCall: (call) => call.destinationRaw },
  { name: "destination_e164", type: "text", ofCall: (call) => call.destinationE164 },
  { name: "destination_country", type: "char(2)", ofCall: (call) => call.destinationCountry },
  { name: "destination_number_type", type: "number_type", ofCall: (call) => call.destinationNumberType },
  { name: "account_code", type: "text", ofCall: (call) => call.accountCode },
  { name: "caller_name", type: "text", ofCall: (call) => call.callerName },
  { name: "source_channel", type: "text", ofCall: (call) => call.sourceChannel },
  { name: "destination_channel", type: "text", ofCall: (call) => call.destinationChannel },
  { name: "call_id", type: "text", ofCall: (call) => call.callId },
  { name: "cost_amount", type: "numeric(14,4)", ofCall: (call) => call.costAmount },
  { name: "cost_currency", type: "char(3)", ofCall: (call) => call.costCurrency },
  // bytea in hex input form (\x…), its backslash escaped for COPY
  { name: "fingerprint", type: "bytea", isCopyText: true, ofCall: (call) => `\\\\x${call.fingerprint}` },
  { name: "leg_group", type: "text", ofCall: (call) => call.legGroup },
  /** A later row of a leg group seen earlier in the upload (lib/ingest/leg-group-tracker.ts). */
  { name: "leg_repeat", type: "boolean", ofCall: (_call, isLegRepeat) => (isLegRepeat ? "t" : "f") },
  { name: "reason_code", type: "text", ofCall: () => null, ofRejected: (row) => row.reasonCode },
  { name: "detail", type: "text", ofCall: () => null, ofRejected: (row) => row.detail },
  { name: "raw_line", type: "text", ofCall: () => null, ofRejected: (row) => row.rawLine },
];

/** Columns of staging computed by PostgreSQL from the millisecond ones. */
const INSTANT_COLUMNS = [
  ["started_at", "started_ms"],
  ["answered_at", "answered_ms"],
  ["ended_at", "ended_ms"],
] as const;

const STAGING_ONLY = new Set(["kind", "started_ms", "answered_ms", "ended_ms", "leg_group", "leg_repeat", "reason_code", "detail", "raw_line"]);

/** The call columns the merge copies from staging into call_records. */
export const CALL_COLUMNS: readonly string[] = [
  ...INSTANT_COLUMNS.map(([name]) => name),
  ...COLUMNS.map((column) => column.name).filter((name) => !STAGING_ONLY.has(name)),
];

/** A temporary table private to the loading transaction (one per chunk); it never references call_records. */
export function createStagingTableSql(table: string): string {
  return `CREATE TEMP TABLE ${table} (${[
    ...COLUMNS.map((column) => `"${column.name}" ${column.type}`),
    ...INSTANT_COLUMNS.map(([name, ms]) => `"${name}" timestamptz GENERATED ALWAYS AS (to_timestamp("${ms}"::float8 / 1000)) STORED`),
  ].join(", ")}) ON COMMIT DROP`;
}

export function copyIntoStagingSql(table: string): string {
  return `COPY ${table} (${COLUMNS.map((column) => `"${column.name}"`).join(", ")}) FROM STDIN`;
}

export function stagedCallLine(call: NormalizedCall, isLegRepeat = false): string {
  let line = copyText(COLUMNS[0].ofCall(call, isLegRepeat));
  for (let index = 1; index < COLUMNS.length; index++) {
    const column = COLUMNS[index];
    const value = column.ofCall(call, isLegRepeat);
    line += `\t${column.isCopyText ? value : copyText(value)}`;
  }
  return `${line}\n`;
}

export function stagedRejectedLine(row: RejectedRow): string {
  return `${COLUMNS.map((column) => copyText(column.ofRejected ? column.ofRejected(row) : null)).join("\t")}\n`;
}

const NEEDS_ESCAPE = /[\\\t\n\r\0]/;

/** PostgreSQL COPY text format: \N for null, backslash escapes for the delimiters. */
function copyText(value: CopyValue): string {
  if (value === null) return "\\N";
  if (typeof value === "string") return NEEDS_ESCAPE.test(value) ? escapeCopyText(value) : value;
  return String(value);
}

function escapeCopyText(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (char) => COPY_ESCAPES[char]).replace(/\0/g, "");
}

const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
