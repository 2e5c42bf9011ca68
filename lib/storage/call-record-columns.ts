import "server-only";
import type { NormalizedCall, RejectedRow } from "@/lib/ingest/normalize/call-record";
import { BinaryCopyBuffer, tupleStart, uuidBytes } from "@/lib/storage/binary-copy";
import { callingCodeOf, isMarkedFraudRelevant } from "@/lib/storage/fraud-relevance";

// The column lists that binary COPY, the staging tables and the merge into call_records agree on
// (pg-copy-streams: "you are responsible for properly encoding and ordering all your columns"),
// and the writers of one chunk's rows in that order. A chunk's calls go straight into call_records
// while none collides with a stored call; the same bytes fit a temporary table LIKE call_records.

/** Every column of call_records, in the order the writers below put their values. */
export const CALL_RECORD_COLUMNS = [
  "org_id", "upload_id", "row_number", "started_at", "answered_at", "ended_at", "duration_seconds", "billable_seconds",
  "direction", "disposition", "source_raw", "source_e164", "destination_raw", "destination_e164", "destination_country",
  "destination_number_type", "account_code", "caller_name", "source_channel", "destination_channel", "call_id",
  "cost_amount", "cost_currency", "fingerprint", "is_fraud_relevant",
] as const;

/** The leg-group index: which call id each row with one carried (lib/ingest/leg-group-tracker.ts). */
export const LEG_ROW_COLUMNS = ["row_number", "leg_group"] as const;

export const REJECTED_ROW_COLUMNS = ["org_id", "upload_id", "row_number", "reason_code", "detail", "raw_line"] as const;

export function columnList(columns: readonly string[], alias?: string): string {
  return columns.map((name) => (alias ? `${alias}."${name}"` : `"${name}"`)).join(", ");
}

export function copyBinarySql(table: string, columns: readonly string[]): string {
  return `COPY ${table} (${columnList(columns)}) FROM STDIN WITH (FORMAT binary)`;
}

export type ChunkOwner = { orgId: string; uploadId: string; countryCode: string };

/**
 * One chunk's rows as binary COPY data: calls to store, later legs of leg groups already seen
 * (stored only once their group is settled), the leg-group index, and rejected rows.
 */
export class ChunkRows {
  readonly calls = new BinaryCopyBuffer();
  readonly legRepeats = new BinaryCopyBuffer();
  readonly legs = new BinaryCopyBuffer();
  readonly rejected = new BinaryCopyBuffer();
  /** The field count, organization and upload every call and rejected row starts with. */
  private readonly callStart: Uint8Array;
  private readonly rejectedStart: Uint8Array;
  private readonly countryCode: string;
  private readonly callingCode: string;

  constructor(owner: ChunkOwner) {
    const ids = [uuidBytes(owner.orgId), uuidBytes(owner.uploadId)];
    this.callStart = tupleStart(CALL_RECORD_COLUMNS.length, ids);
    this.rejectedStart = tupleStart(REJECTED_ROW_COLUMNS.length, ids);
    this.countryCode = owner.countryCode;
    this.callingCode = callingCodeOf(owner.countryCode);
  }

  clear(): void {
    this.calls.clear();
    this.legRepeats.clear();
    this.legs.clear();
    this.rejected.clear();
  }

  addCall(call: NormalizedCall, isLegRepeat: boolean): void {
    this.writeCall(isLegRepeat ? this.legRepeats : this.calls, call);
    if (call.legGroup === null) return;
    this.legs.startTuple(LEG_ROW_COLUMNS.length);
    this.legs.int32(call.rowNumber);
    this.legs.text(call.legGroup);
  }

  addRejected(row: RejectedRow): void {
    const out = this.rejected;
    out.startTupleWith(this.rejectedStart);
    out.int32(row.rowNumber);
    out.text(row.reasonCode);
    out.nullableText(row.detail === null ? null : withoutNul(row.detail));
    out.text(withoutNul(row.rawLine));
  }

  private writeCall(out: BinaryCopyBuffer, call: NormalizedCall): void {
    out.startTupleWith(this.callStart);
    out.int32(call.rowNumber);
    out.timestamp(call.startedAt.getTime());
    out.nullableTimestamp(call.answeredAt === null ? null : call.answeredAt.getTime());
    out.nullableTimestamp(call.endedAt === null ? null : call.endedAt.getTime());
    out.int32(call.durationSeconds);
    out.int32(call.billableSeconds);
    out.text(call.direction);
    out.text(call.disposition);
    out.text(call.sourceRaw);
    out.nullableText(call.sourceE164);
    out.text(call.destinationRaw);
    out.nullableText(call.destinationE164);
    out.nullableText(call.destinationCountry);
    out.text(call.destinationNumberType);
    out.nullableText(call.accountCode);
    out.nullableText(call.callerName);
    out.nullableText(call.sourceChannel);
    out.nullableText(call.destinationChannel);
    out.nullableText(call.callId);
    if (call.costAmount === null) out.null();
    else out.numeric(call.costAmount);
    out.nullableText(call.costCurrency);
    out.hexBytes(call.fingerprint);
    out.boolean(isMarkedFraudRelevant(call, this.countryCode, this.callingCode));
  }
}

/** PostgreSQL text cannot hold NUL; rejected rows show what they can of it. */
function withoutNul(text: string): string {
  return text.includes("\0") ? text.replaceAll("\0", "") : text;
}
