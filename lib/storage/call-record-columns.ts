import "server-only";
import type { NormalizedCall, RejectedRow } from "@/lib/ingest/normalize/call-record";

// The one ordered column list that COPY into staging and the merge into call_records agree on
// (pg-copy-streams: "you are responsible for properly encoding and ordering all your columns").
// Calls and rejected rows share the staging table, so one COPY stream carries the whole upload.

const STAGED_COLUMNS = [
  ["kind", "text"],
  ["row_number", "integer"],
  ["started_at", "timestamptz"],
  ["answered_at", "timestamptz"],
  ["ended_at", "timestamptz"],
  ["duration_seconds", "integer"],
  ["billable_seconds", "integer"],
  ["direction", "call_direction"],
  ["disposition", "call_disposition"],
  ["source_raw", "text"],
  ["source_e164", "text"],
  ["destination_raw", "text"],
  ["destination_e164", "text"],
  ["destination_country", "char(2)"],
  ["destination_number_type", "number_type"],
  ["account_code", "text"],
  ["caller_name", "text"],
  ["source_channel", "text"],
  ["destination_channel", "text"],
  ["call_id", "text"],
  ["cost_amount", "numeric(14,4)"],
  ["cost_currency", "char(3)"],
  ["fingerprint", "bytea"],
  ["leg_group", "text"],
  ["reason_code", "text"],
  ["detail", "text"],
  ["raw_line", "text"],
] as const;

type StagedColumn = (typeof STAGED_COLUMNS)[number][0];

/** The call columns the merge copies from staging into call_records, in order. */
export const CALL_COLUMNS: readonly StagedColumn[] = STAGED_COLUMNS.map(([name]) => name).filter(
  (name) => !["kind", "leg_group", "reason_code", "detail", "raw_line"].includes(name),
);

export const STAGING_TABLE = "staged_rows";

/** A temporary table private to the loading transaction; it never references call_records. */
export const CREATE_STAGING_TABLE_SQL = `CREATE TEMP TABLE ${STAGING_TABLE} (${STAGED_COLUMNS.map(
  ([name, type]) => `"${name}" ${type}`,
).join(", ")}) ON COMMIT DROP`;

export const COPY_INTO_STAGING_SQL = `COPY ${STAGING_TABLE} (${STAGED_COLUMNS.map(([name]) => `"${name}"`).join(", ")}) FROM STDIN`;

type CopyValue = string | number | Date | Buffer | null;

export function stagedCallLine(call: NormalizedCall): string {
  const values: Record<StagedColumn, CopyValue> = {
    kind: "call",
    row_number: call.rowNumber,
    started_at: call.startedAt,
    answered_at: call.answeredAt,
    ended_at: call.endedAt,
    duration_seconds: call.durationSeconds,
    billable_seconds: call.billableSeconds,
    direction: call.direction,
    disposition: call.disposition,
    source_raw: call.sourceRaw,
    source_e164: call.sourceE164,
    destination_raw: call.destinationRaw,
    destination_e164: call.destinationE164,
    destination_country: call.destinationCountry,
    destination_number_type: call.destinationNumberType,
    account_code: call.accountCode,
    caller_name: call.callerName,
    source_channel: call.sourceChannel,
    destination_channel: call.destinationChannel,
    call_id: call.callId,
    cost_amount: call.costAmount,
    cost_currency: call.costCurrency,
    fingerprint: call.fingerprint,
    leg_group: call.legGroup,
    reason_code: null,
    detail: null,
    raw_line: null,
  };
  return copyLine(values);
}

export function stagedRejectedLine(row: RejectedRow): string {
  const values = Object.fromEntries(STAGED_COLUMNS.map(([name]) => [name, null])) as Record<StagedColumn, CopyValue>;
  values.kind = "rejected";
  values.row_number = row.rowNumber;
  values.reason_code = row.reasonCode;
  values.detail = row.detail;
  values.raw_line = row.rawLine;
  return copyLine(values);
}

function copyLine(values: Record<StagedColumn, CopyValue>): string {
  return `${STAGED_COLUMNS.map(([name]) => copyText(values[name])).join("\t")}\n`;
}

const NEEDS_ESCAPE = /[\\\t\n\r\0]/;

/** PostgreSQL COPY text format: \N for null, backslash escapes for the delimiters. */
function copyText(value: CopyValue): string {
  if (value === null) return "\\N";
  if (typeof value === "string") return NEEDS_ESCAPE.test(value) ? escapeCopyText(value) : value;
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return value.toISOString();
  return `\\\\x${value.toString("hex")}`;
}

function escapeCopyText(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (char) => COPY_ESCAPES[char]).replace(/\0/g, "");
}

const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
