import type { CallDirection, NumberType } from "@/lib/ingest/normalize/call-record";

// Most PBX formats have no direction column; it follows from which side is an extension,
// and from dialplan contexts that name the trunk side (from-pstn, from-trunk, …).

const INBOUND_CONTEXT = /(from-(pstn|trunk|did|external|sip-external)|inbound|incoming|ext-did)/i;

export function inferDirection(input: {
  sourceType: NumberType;
  destinationType: NumberType;
  context?: string | null;
}): CallDirection {
  const sourceIsInternal = input.sourceType === "extension";
  const destinationIsInternal = input.destinationType === "extension";
  if (sourceIsInternal && destinationIsInternal) return "internal";
  if (input.context && INBOUND_CONTEXT.test(input.context)) return "inbound";
  if (destinationIsInternal) return "inbound";
  return "outbound";
}
