import { rejectRow, type NormalizedCall, type RejectedRow } from "@/lib/ingest/normalize/call-record";
import { isPlausibleCallInstant } from "@/lib/ingest/normalize/call-time";

// The last look at a call before it is staged, whatever layout read it: values no call has, or the
// columns cannot hold (integer seconds, numeric(14,4)), become this row's rejection here instead of
// an error that fails the whole upload's COPY, or a partition for the year 9999.

/** A month: PBXs log stuck channels that ran for days, none that ran longer. */
export const MAX_CALL_SECONDS = 31 * 24 * 3600;
/** numeric(14,4) holds 10 digits before the point. */
const MAX_AMOUNT_WHOLE_DIGITS = 10;

/** The row's rejection when the call is implausible, else null; optional instants out of range are dropped. */
export function rejectImplausibleCall(call: NormalizedCall, fields: string[], now: number): RejectedRow | null {
  if (!isPlausibleCallInstant(call.startedAt.getTime(), now)) {
    return rejectedRow(call, fields, "time_out_of_range", Number.isFinite(call.startedAt.getTime()) ? call.startedAt.toISOString() : null);
  }
  if (!isCallSeconds(call.durationSeconds) || !isCallSeconds(call.billableSeconds)) {
    return rejectedRow(call, fields, "invalid_duration", `${call.durationSeconds} / ${call.billableSeconds}`);
  }
  const amount = call.costAmount;
  if (amount !== null && amount.length > MAX_AMOUNT_WHOLE_DIGITS && amount.replace(/^-/, "").split(".")[0].length > MAX_AMOUNT_WHOLE_DIGITS) {
    return rejectedRow(call, fields, "invalid_amount", call.costAmount);
  }
  // Like unreadable ones (parseOptionalInstant), answer and end times no call can have are left out.
  if (call.answeredAt && !isPlausibleCallInstant(call.answeredAt.getTime(), now)) call.answeredAt = null;
  if (call.endedAt && !isPlausibleCallInstant(call.endedAt.getTime(), now)) call.endedAt = null;
  return null;
}

function isCallSeconds(seconds: number): boolean {
  return Number.isInteger(seconds) && seconds >= 0 && seconds <= MAX_CALL_SECONDS;
}

function rejectedRow(call: NormalizedCall, fields: string[], reason: "time_out_of_range" | "invalid_duration" | "invalid_amount", detail: string | null): RejectedRow {
  const result = rejectRow(call.rowNumber, fields, reason, detail);
  if (result.kind !== "rejected") throw new Error("rejectRow returns a rejection");
  return result.row;
}
