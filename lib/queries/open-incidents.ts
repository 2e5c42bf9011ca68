import "server-only";
import type { Database } from "@/lib/db/org-context";
import { INCIDENT_SUMMARY_SELECT, incidentSummaryOf, type IncidentSummary } from "@/lib/queries/incident-page";

// The "all organizations" view: open incidents (open, acknowledged or disputed) of every
// organization the user belongs to, worst and newest first — what an IT provider looks at first.

export type OpenIncident = IncidentSummary & { status: "open" | "acknowledged" | "disputed"; orgSlug: string; orgName: string; timeZone: string };

const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2 } as const;

export async function listOpenIncidents(db: Database, userId: string): Promise<OpenIncident[]> {
  const rows = await db.prisma.incident.findMany({
    where: { status: { in: ["open", "acknowledged", "disputed"] }, org: { members: { some: { userId } } } },
    orderBy: { lastCallAt: "desc" },
    take: 500,
    select: { ...INCIDENT_SUMMARY_SELECT, org: { select: { slug: true, name: true, timeZone: true } } },
  });
  return rows
    .map((row): OpenIncident => ({ ...incidentSummaryOf(row), status: row.status as OpenIncident["status"], orgSlug: row.org.slug, orgName: row.org.name, timeZone: row.org.timeZone }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.lastCallAt.getTime() - a.lastCallAt.getTime());
}
