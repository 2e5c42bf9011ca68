import "server-only";
import type { Database, OrgScope } from "@/lib/db/org-context";
import { InvalidInputError } from "@/lib/errors";
import { isKnownTimeZone } from "@/lib/ingest/normalize/call-time";
import { CreateOrganizationInput, slugFromName } from "@/lib/organizations/create-organization.schema";

/** Creates an organization; `ownerUserId` (the signed-in creator) becomes its owner. The CLI creates ownerless ones. */
export async function createOrganization(db: Database, input: CreateOrganizationInput, ownerUserId?: string): Promise<OrgScope> {
  const parsed = CreateOrganizationInput.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]?.message ?? "Invalid organization.", "invalid_organization");
  const data = parsed.data;
  if (!isKnownTimeZone(data.timeZone)) throw new InvalidInputError(`Unknown time zone: ${data.timeZone}`, "unknown_time_zone");
  const slug = data.slug ? data.slug : await firstFreeSlug(db, slugFromName(data.name));
  const taken = await db.prisma.organization.findUnique({ where: { slug }, select: { id: true } });
  if (taken) throw new InvalidInputError(`The address "${slug}" is already used by another organization.`, "slug_taken");
  return db.prisma.organization.create({
    data: { ...data, slug, ...(ownerUserId ? { members: { create: { userId: ownerUserId, role: "owner" } } } : {}) },
    select: { id: true, slug: true, name: true, countryCode: true, timeZone: true, currency: true, dialOutPrefix: true },
  });
}

/** "office", else "office-2", "office-3", … */
async function firstFreeSlug(db: Database, base: string): Promise<string> {
  const used = await db.prisma.organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  const taken = new Set(used.map((org) => org.slug));
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}-${suffix}`)) suffix++;
  return `${base}-${suffix}`;
}
