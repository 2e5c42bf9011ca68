import "server-only";
import type { Database } from "@/lib/db/org-context";

export type OrganizationSummary = { slug: string; name: string };

/** Every organization; scoped to the signed-in user's memberships once accounts exist (issue 7). */
export async function listOrganizations(db: Database): Promise<OrganizationSummary[]> {
  return db.prisma.organization.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}
