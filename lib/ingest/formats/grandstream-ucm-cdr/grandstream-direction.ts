import { inferDirection } from "@/lib/ingest/normalize/call-direction";
import type { CallDirection, NumberType } from "@/lib/ingest/normalize/call-record";

// UCM manuals name the contexts: from-internal = an extension calling out, ext-did-XXXXX = inbound,
// ext-local = internal. The API guide's own example is 5300 → 5301 in from-internal (userfield EXT),
// so from-internal to an extension is internal.

export function grandstreamDirection(dialplanContext: string, sourceType: NumberType, destinationType: NumberType): CallDirection {
  const context = dialplanContext.toLowerCase();
  if (context === "ext-local") return "internal";
  if (context.startsWith("ext-did")) return "inbound";
  if (context === "from-internal") return destinationType === "extension" ? "internal" : "outbound";
  return inferDirection({ sourceType, destinationType, context: dialplanContext });
}
