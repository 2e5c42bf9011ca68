import type { CallDisposition } from "@/lib/ingest/normalize/call-record";

// Carriers report how an unanswered call ended as the final SIP response code (RFC 3261):
// 486 Busy Here, 600 Busy Everywhere, 408/480 no one answered, 487 the caller cancelled.

const SIP_STATUS = /^[1-6]\d\d$/;

const DISPOSITION_BY_SIP_STATUS: ReadonlyMap<string, CallDisposition> = new Map([
  ["486", "busy"],
  ["600", "busy"],
  ["408", "no_answer"],
  ["480", "no_answer"],
  ["487", "no_answer"],
]);

/** The disposition of a call that was not answered, from its final SIP response code. */
export function dispositionFromSipResponse(code: string): CallDisposition {
  if (!SIP_STATUS.test(code)) return "unknown";
  // A success code on a call that never connected says nothing about why.
  if (code.startsWith("1") || code.startsWith("2")) return "unknown";
  return DISPOSITION_BY_SIP_STATUS.get(code) ?? "failed";
}
