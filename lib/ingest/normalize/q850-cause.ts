import type { CallDisposition } from "@/lib/ingest/normalize/call-record";

// ITU-T Q.850 release causes, as FreeSWITCH names them (hangup_cause) and as CUCM numbers them
// (origCause_value / destCause_value). "Answered" is not a cause: a normal clearing also ends
// unanswered calls, so formats decide answered-ness from the answer time or billable seconds and
// use the cause only for calls that were not answered.

const DISPOSITION_BY_CODE: Record<number, CallDisposition> = {
  16: "no_answer", // NORMAL_CLEARING without an answer: the caller gave up
  17: "busy", // USER_BUSY
  18: "no_answer", // NO_USER_RESPONSE
  19: "no_answer", // NO_ANSWER
  21: "failed", // CALL_REJECTED
  31: "no_answer", // NORMAL_UNSPECIFIED
  34: "failed", // NORMAL_CIRCUIT_CONGESTION
  38: "failed", // NETWORK_OUT_OF_ORDER
  41: "failed", // NORMAL_TEMPORARY_FAILURE
  42: "failed", // SWITCH_CONGESTION
  1: "failed", // UNALLOCATED_NUMBER
  3: "failed", // NO_ROUTE_DESTINATION
  27: "failed", // DESTINATION_OUT_OF_ORDER
  28: "failed", // INVALID_NUMBER_FORMAT
  127: "failed", // INTERWORKING
};

const CODE_BY_NAME: Record<string, number> = {
  UNALLOCATED_NUMBER: 1,
  NO_ROUTE_DESTINATION: 3,
  NORMAL_CLEARING: 16,
  USER_BUSY: 17,
  NO_USER_RESPONSE: 18,
  NO_ANSWER: 19,
  CALL_REJECTED: 21,
  DESTINATION_OUT_OF_ORDER: 27,
  INVALID_NUMBER_FORMAT: 28,
  NORMAL_UNSPECIFIED: 31,
  NORMAL_CIRCUIT_CONGESTION: 34,
  NETWORK_OUT_OF_ORDER: 38,
  NORMAL_TEMPORARY_FAILURE: 41,
  SWITCH_CONGESTION: 42,
  INTERWORKING: 127,
};

/** FreeSWITCH-only names that are not Q.850 codes. */
const DISPOSITION_BY_FREESWITCH_NAME: Record<string, CallDisposition> = {
  ORIGINATOR_CANCEL: "no_answer",
  RECOVERY_ON_TIMER_EXPIRE: "failed",
  LOSE_RACE: "no_answer",
  ALLOTTED_TIMEOUT: "no_answer",
};

/** The disposition of a call that was answered, or else of its release cause. */
export function dispositionFromCause(cause: string | number, wasAnswered: boolean): CallDisposition {
  if (wasAnswered) return "answered";
  if (typeof cause === "number" || /^\d+$/.test(cause)) return DISPOSITION_BY_CODE[Number(cause)] ?? "failed";
  const name = cause.trim().toUpperCase();
  if (name in DISPOSITION_BY_FREESWITCH_NAME) return DISPOSITION_BY_FREESWITCH_NAME[name];
  const code = CODE_BY_NAME[name];
  return code === undefined ? "unknown" : (DISPOSITION_BY_CODE[code] ?? "failed");
}
