import "server-only";
import type { Role } from "@/lib/auth/roles";
import type { Database } from "@/lib/db/org-context";

export type OrganizationSummary = { slug: string; name: string; role: Role };

/** The organizations the user is a member of, with their role in each. */
export async function listOrganizations(db: Database, userId: string): Promise<OrganizationSummary[]> {
  const memberships = await db.prisma.member.findMany({ where: { userId }, select: { role: true, org: { select: { slug: true, name: true } } } });
  return memberships.map((member) => ({ ...member.org, role: member.role })).sort((a, b) => a.name.localeCompare(b.name));
}
