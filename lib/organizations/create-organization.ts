import "server-only";
import type { Database, OrgScope } from "@/lib/db/org-context";
import { InvalidInputError } from "@/lib/errors";
import { isKnownTimeZone } from "@/lib/ingest/normalize/call-time";
import { CreateOrganizationInput } from "@/lib/organizations/create-organization.schema";

export async function createOrganization(db: Database, input: CreateOrganizationInput): Promise<OrgScope> {
  const parsed = CreateOrganizationInput.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]?.message ?? "Invalid organization.", "invalid_organization");
  const data = parsed.data;
  if (!isKnownTimeZone(data.timeZone)) throw new InvalidInputError(`Unknown time zone: ${data.timeZone}`, "unknown_time_zone");
  const taken = await db.prisma.organization.findUnique({ where: { slug: data.slug }, select: { id: true } });
  if (taken) throw new InvalidInputError(`The address "${data.slug}" is already used by another organization.`, "slug_taken");
  return db.prisma.organization.create({
    data,
    select: { id: true, slug: true, name: true, countryCode: true, timeZone: true, currency: true, dialOutPrefix: true },
  });
}
