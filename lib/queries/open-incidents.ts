import "server-only";
import type { Database } from "@/lib/db/org-context";

// The "all organizations" view: open incidents (open, acknowledged or disputed) of every
// organization the user belongs to, worst and newest first — what an IT provider looks at first.

export type OpenIncident = {
  id: string;
  orgSlug: string;
  orgName: string;
  timeZone: string;
  status: "open" | "acknowledged" | "disputed";
  severity: "medium" | "high" | "critical";
  firstCallAt: Date;
  lastCallAt: Date;
  calls: number;
  estimatedCost: number;
  currency: string;
  destinations: [string, number][];
};

const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2 } as const;

export async function listOpenIncidents(db: Database, userId: string): Promise<OpenIncident[]> {
  const rows = await db.prisma.incident.findMany({
    where: { status: { in: ["open", "acknowledged", "disputed"] }, org: { members: { some: { userId } } } },
    orderBy: { lastCallAt: "desc" },
    take: 500,
    select: {
      id: true, status: true, severity: true, firstCallAt: true, lastCallAt: true, calls: true, estimatedCost: true, currency: true, destinations: true,
      org: { select: { slug: true, name: true, timeZone: true } },
    },
  });
  return rows
    .map((row) => ({
      id: row.id,
      orgSlug: row.org.slug,
      orgName: row.org.name,
      timeZone: row.org.timeZone,
      status: row.status as OpenIncident["status"],
      severity: row.severity as OpenIncident["severity"],
      firstCallAt: row.firstCallAt,
      lastCallAt: row.lastCallAt,
      calls: row.calls,
      estimatedCost: Number(row.estimatedCost),
      currency: row.currency.trim(),
      destinations: Object.entries(row.destinations as Record<string, number>).sort((a, b) => b[1] - a[1]),
    }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.lastCallAt.getTime() - a.lastCallAt.getTime());
}
