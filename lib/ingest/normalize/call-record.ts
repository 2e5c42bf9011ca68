// The pipeline's contract: every input row becomes exactly one of these results (STYLE.md rule 8).

export type CallDirection = "outbound" | "inbound" | "internal" | "unknown";
export type CallDisposition = "answered" | "no_answer" | "busy" | "failed" | "unknown";
export type NumberType =
  | "fixed_line" | "mobile" | "fixed_line_or_mobile" | "toll_free" | "premium_rate" | "shared_cost"
  | "voip" | "personal_number" | "pager" | "uan" | "voicemail" | "international_network"
  | "extension" | "masked" | "unknown";

export type NormalizedCall = {
  rowNumber: number;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number;
  billableSeconds: number;
  direction: CallDirection;
  disposition: CallDisposition;
  sourceRaw: string;
  sourceE164: string | null;
  destinationRaw: string;
  destinationE164: string | null;
  destinationCountry: string | null;
  destinationNumberType: NumberType;
  accountCode: string | null;
  callerName: string | null;
  sourceChannel: string | null;
  destinationChannel: string | null;
  callId: string | null;
  /** Decimal as text, so no precision is lost on the way to numeric(14,4). */
  costAmount: string | null;
  costCurrency: string | null;
  /** 16 bytes of SHA-256 as 32 hex digits (lib/ingest/normalize/call-fingerprint.ts). */
  fingerprint: string;
  /** Rows of one upload with the same legGroup are legs of one call (LegPolicy "grouped-by-call-id"). */
  legGroup: string | null;
};

/** Stable codes; lib/i18n renders each as a sentence in the reader's language. */
export type RejectionReason =
  | "wrong_column_count"
  | "invalid_start_time"
  | "invalid_duration"
  | "invalid_amount"
  | "invalid_disposition"
  | "invalid_direction"
  | "missing_destination"
  | "time_out_of_range"
  | "needs_statement_month"
  | "control_characters";

export type RejectedRow = {
  rowNumber: number;
  reasonCode: RejectionReason;
  /** What exactly was wrong, e.g. the offending value. */
  detail: string | null;
  rawLine: string;
};

/** Rows that are not calls by the layout's own definition: subtotals, repeated headers, notes. */
export type SkipReason = "subtotal" | "repeated_header" | "not_a_call";

export type RowResult =
  | { kind: "call"; record: NormalizedCall }
  | { kind: "rejected"; row: RejectedRow }
  | { kind: "skipped"; rowNumber: number; reason: SkipReason };

/** Raw lines are kept for evidence, but a hostile 100 MB line is not. */
export const MAX_RAW_LINE_CHARS = 2000;

export function rejectRow(
  rowNumber: number,
  fields: string[],
  reasonCode: RejectionReason,
  detail: string | null = null,
): RowResult {
  const rawLine = fields.map(quoteField).join(",");
  return {
    kind: "rejected",
    row: { rowNumber, reasonCode, detail, rawLine: rawLine.slice(0, MAX_RAW_LINE_CHARS) },
  };
}

/** A time that did not parse, as the rejection it causes. */
export function rejectTime(
  rowNumber: number,
  fields: string[],
  reason: "invalid" | "out_of_range" | "needs_statement_month",
  text: string,
): RowResult {
  const code = reason === "out_of_range" ? "time_out_of_range" : reason === "needs_statement_month" ? "needs_statement_month" : "invalid_start_time";
  return rejectRow(rowNumber, fields, code, text);
}

function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
