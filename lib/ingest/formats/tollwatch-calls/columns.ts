import type { CallDirection, CallDisposition } from "@/lib/ingest/normalize/call-record";

// Tollwatch's own call layout: what a script writes when its PBX has no standard CDR format, and
// what the ingest API's JSON bodies become (docs/openapi.yaml, README "Sending CDRs continuously").
// JSON keys are the camelCase forms of these names (startedAt, durationSeconds, …).

export const TOLLWATCH_COLUMNS = {
  startedAt: ["started_at"],
  answeredAt: ["answered_at"],
  endedAt: ["ended_at"],
  source: ["source"],
  destination: ["destination"],
  durationSeconds: ["duration_seconds"],
  billableSeconds: ["billable_seconds"],
  disposition: ["disposition"],
  direction: ["direction"],
  callId: ["call_id"],
  accountCode: ["account_code"],
  cost: ["cost"],
  currency: ["currency"],
} as const;

export type TollwatchColumn = keyof typeof TOLLWATCH_COLUMNS;

/** The header Tollwatch writes for JSON bodies, every column in this order. */
export const TOLLWATCH_HEADER = Object.values(TOLLWATCH_COLUMNS).map(([name]) => name);

export const TOLLWATCH_MANDATORY_NAMES = ["started_at", "source", "destination", "duration_seconds"] as const;

/** Maps, so that "constructor" or "__proto__" find nothing. */
export const TOLLWATCH_DISPOSITIONS: ReadonlyMap<string, CallDisposition> = new Map([
  ["answered", "answered"],
  ["no_answer", "no_answer"],
  ["busy", "busy"],
  ["failed", "failed"],
]);

export const TOLLWATCH_DIRECTIONS: ReadonlyMap<string, CallDirection> = new Map([
  ["outbound", "outbound"],
  ["inbound", "inbound"],
  ["internal", "internal"],
]);
