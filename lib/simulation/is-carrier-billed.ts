import type { CallDraft } from "./simulated-call";

/**
 * Whether the carrier's statement lists this call: it left the PBX, was answered and was charged.
 * Inbound, internal, unanswered and failed attempts (and free 0120 calls) never reach the bill.
 */
export function isCarrierBilled(call: CallDraft): boolean {
  return call.direction === "outbound" && call.isAnswered && call.costYen > 0;
}
