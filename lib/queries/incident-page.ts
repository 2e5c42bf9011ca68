import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import { loadDetectionContext } from "@/lib/detection/load-detection-input";
import { blockWindowOf, type BlockWindow } from "@/lib/incidents/block-window";

// One incident as its page shows it: totals, the block window, its findings by day, and its history.

export type IncidentStatus = "open" | "acknowledged" | "false_alarm" | "disputed" | "resolved";

/** What every list of incidents shows of one. */
export type IncidentSummary = {
  id: string;
  status: IncidentStatus;
  severity: "medium" | "high" | "critical";
  firstCallAt: Date;
  lastCallAt: Date;
  calls: number;
  estimatedCost: number;
  currency: string;
  /** Country → calls, most first. */
  destinations: [string, number][];
};

export const INCIDENT_SUMMARY_SELECT = { id: true, status: true, severity: true, firstCallAt: true, lastCallAt: true, calls: true, estimatedCost: true, currency: true, destinations: true } as const;

type IncidentSummaryRow = { id: string; status: IncidentStatus; severity: string; firstCallAt: Date; lastCallAt: Date; calls: number; estimatedCost: { toString(): string }; currency: string; destinations: unknown };

export function incidentSummaryOf(row: IncidentSummaryRow): IncidentSummary {
  return {
    id: row.id,
    status: row.status,
    severity: row.severity as IncidentSummary["severity"],
    firstCallAt: row.firstCallAt,
    lastCallAt: row.lastCallAt,
    calls: row.calls,
    estimatedCost: Number(row.estimatedCost),
    currency: row.currency.trim(),
    destinations: Object.entries(row.destinations as Record<string, number>).sort((a, b) => b[1] - a[1]),
  };
}

export type IncidentPage = IncidentSummary & {
  blockRequestedAt: Date | null;
  blockCompletedAt: Date | null;
  blockWindow: BlockWindow | null;
  findings: { id: string; day: string; ruleId: string; severity: string; numbers: Record<string, unknown>; subject: Record<string, string> }[];
  events: { id: string; kind: string; at: Date; actor: string | null; body: string | null; details: Record<string, unknown> }[];
};

const SEVERITY_RANK: Record<string, number> = { low: 0, medium: 1, high: 2, critical: 3 };

export async function getIncidentPage(ctx: OrgContext, incidentId: string): Promise<IncidentPage | null> {
  if (!/^[0-9a-f-]{36}$/i.test(incidentId)) return null;
  const incident = await ctx.db.prisma.incident.findFirst({
    where: { id: incidentId, orgId: ctx.org.id },
    include: {
      findings: { orderBy: [{ day: "asc" }, { score: "desc" }], select: { id: true, day: true, ruleId: true, severity: true, numbers: true, subject: true } },
      events: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, createdAt: true, body: true, details: true, actor: { select: { name: true } } } },
    },
  });
  if (!incident) return null;
  const blockWindow = incident.blockRequestedAt ? await blockWindowOf(ctx, await loadDetectionContext(ctx), incident) : null;
  return {
    ...incidentSummaryOf(incident),
    blockRequestedAt: incident.blockRequestedAt,
    blockCompletedAt: incident.blockCompletedAt,
    blockWindow,
    findings: [...incident.findings].sort((a, b) => a.day.getTime() - b.day.getTime() || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]).map((finding) => ({
      id: finding.id,
      day: finding.day.toISOString().slice(0, 10),
      ruleId: finding.ruleId,
      severity: finding.severity,
      numbers: finding.numbers as Record<string, unknown>,
      subject: finding.subject as Record<string, string>,
    })),
    events: incident.events.map((event) => ({ id: event.id, kind: event.kind, at: event.createdAt, actor: event.actor?.name ?? null, body: event.body, details: event.details as Record<string, unknown> })),
  };
}

/** The organization's incidents, newest first. */
export async function listIncidents(ctx: OrgContext): Promise<IncidentSummary[]> {
  const rows = await ctx.db.prisma.incident.findMany({ where: { orgId: ctx.org.id }, orderBy: { firstCallAt: "desc" }, take: 500, select: INCIDENT_SUMMARY_SELECT });
  return rows.map(incidentSummaryOf);
}
