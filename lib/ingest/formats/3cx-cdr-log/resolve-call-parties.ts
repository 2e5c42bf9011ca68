import type { CallDirection } from "@/lib/ingest/normalize/call-record";
import { PARTY_TYPES, THREECX_COLUMN } from "./columns";

// Which number a 3CX row was a call to, and its direction from from-type / to-type / final-type.

const HAS_DIGIT = /\d/;

export type CallParties = { direction: CallDirection; destinationRaw: string };

export function resolveCallParties(field: (index: number) => string): CallParties {
  const from = PARTY_TYPES.get(field(THREECX_COLUMN.fromType));
  const to = PARTY_TYPES.get(field(THREECX_COLUMN.toType));
  const final = PARTY_TYPES.get(field(THREECX_COLUMN.finalType));
  const finalNumber = field(THREECX_COLUMN.finalNumber);
  // A call to an extension that ended on an outside line (forwarding) costs what that line costs.
  const isForwardedOut = to === "internal" && final === "external" && HAS_DIGIT.test(finalNumber);
  return { direction: directionOf(from, to, final), destinationRaw: isForwardedOut ? finalNumber : dialledNumber(field, finalNumber) };
}

function directionOf(from: string | undefined, to: string | undefined, final: string | undefined): CallDirection {
  if (!from || !to) return "unknown";
  // External → External is a call-through (trunk to trunk): the PBX pays for the outgoing leg.
  if (to === "external" || final === "external") return "outbound";
  return from === "external" ? "inbound" : "internal";
}

/** to-no, unless it is a word such as `EndCall` (seen in the real file): then dial-no, then final-number. */
function dialledNumber(field: (index: number) => string, finalNumber: string): string {
  const toNumber = field(THREECX_COLUMN.toNo);
  if (HAS_DIGIT.test(toNumber)) return toNumber;
  const dialNumber = field(THREECX_COLUMN.dialNo);
  if (HAS_DIGIT.test(dialNumber)) return dialNumber;
  return finalNumber || toNumber;
}
