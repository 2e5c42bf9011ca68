import { z } from "zod";

// Shared by the form on the client and the verb on the server (STYLE.md rule 5).

export const ORG_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

export const CreateOrganizationInput = z.object({
  name: z.string().trim().min(1).max(120),
  /** Left empty, it is made from the name (and numbered if taken). */
  slug: z.union([z.literal(""), z.string().trim().toLowerCase().regex(ORG_SLUG_PATTERN)]).optional(),
  countryCode: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).default("JP"),
  timeZone: z.string().trim().min(1).default("Asia/Tokyo"),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/).default("JPY"),
  dialOutPrefix: z.string().trim().regex(/^\d{1,3}$/).nullable().default(null),
});
export type CreateOrganizationInput = z.input<typeof CreateOrganizationInput>;

/** A URL-safe slug from an organization name; Japanese names fall back to "org". */
export function slugFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return slug || "org";
}
