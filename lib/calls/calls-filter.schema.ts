import { z } from "zod";

// The calls explorer's filters, as they travel in the URL (so a filtered view can be bookmarked and
// shared) and to the CSV export. Client-safe. Values that do not parse are dropped, not errors: a
// hand-edited URL shows the calls of the filters that make sense.

export const CALL_SORTS = ["newest", "oldest", "longest"] as const;
export const CALL_DIRECTIONS = ["outbound", "inbound", "internal", "unknown"] as const;
export const CALL_DISPOSITIONS = ["answered", "no_answer", "busy", "failed", "unknown"] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const CallsFilterSchema = z.object({
  /** Organization-local days, inclusive. */
  from: optional(z.string().regex(DAY)),
  to: optional(z.string().regex(DAY)),
  direction: optional(z.enum(CALL_DIRECTIONS)),
  country: optional(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/)),
  /** Start of the destination as dialled or in E.164: "+232", "23276", "0120". */
  number: optional(z.string().trim().regex(/^\+?[0-9*#]{1,20}$/)),
  /** An extension, a calling number or an account code, exactly. */
  source: optional(z.string().trim().min(1).max(100)),
  minSeconds: optional(z.coerce.number().int().min(0).max(86_400)),
  maxSeconds: optional(z.coerce.number().int().min(0).max(86_400)),
  disposition: optional(z.enum(CALL_DISPOSITIONS)),
  flagged: optional(z.enum(["1"])),
  sort: z.enum(CALL_SORTS).catch("newest").default("newest"),
  /** Keyset cursor of the page after the one shown (opaque). */
  after: optional(z.string().regex(/^[A-Za-z0-9_-]{10,200}$/)),
});

export type CallsFilter = z.infer<typeof CallsFilterSchema>;

/** Filters from a page's searchParams (repeated keys: the first). */
export function parseCallsFilter(params: Record<string, string | string[] | undefined>): CallsFilter {
  const flat = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]).filter(([, value]) => value !== undefined && value !== ""));
  return CallsFilterSchema.parse(flat);
}

/** The filter as a query string (without the cursor unless asked), for links and the export. */
export function callsFilterQuery(filter: CallsFilter, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...filter, after: undefined, ...extra }).filter(([key, value]) => value !== undefined && value !== "" && !(key === "sort" && value === "newest"));
  return new URLSearchParams(entries.map(([key, value]) => [key, String(value)])).toString();
}
