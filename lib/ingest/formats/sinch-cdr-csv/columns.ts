import type { CallDisposition } from "@/lib/ingest/normalize/call-record";

// Sinch voice CDR fields ("a semicolon separated file", phone-terminated calls), in documented order:
// https://developers.sinch.com/docs/voice/api-reference/cdr (also /docs/voice-rest-api-cdr).

export const SINCH_COLUMNS = {
  callId: ["CallId"],
  calledAt: ["CallTime"],
  result: ["Result"],
  talkSeconds: ["Duration"],
  answeredAt: ["AnswerTime"],
  from: ["From"],
  to: ["To"],
  amount: ["Amount"],
  currency: ["Currency"],
} as const;

export type SinchColumn = keyof typeof SINCH_COLUMNS;

export const SINCH_SNIFF_NAMES = ["CallId", "UserSpaceId", "CallTime", "Result", "Reason", "Duration", "From", "To", "Amount", "Currency"] as const;
export const SINCH_MANDATORY_NAMES = ["CallId", "CallTime", "Result", "To"] as const;

/** Result: "ANSWERED" | "BUSY" | "NOANSWER" | "FAILED" (phone-originated calls have no BUSY). */
export const SINCH_DISPOSITIONS: ReadonlyMap<string, CallDisposition> = new Map([
  ["ANSWERED", "answered"],
  ["BUSY", "busy"],
  ["NOANSWER", "no_answer"],
  ["FAILED", "failed"],
]);
