import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import { explainFindingBoth } from "@/lib/detection/explain-finding";
import { loadDetectionContext } from "@/lib/detection/load-detection-input";
import { blockWindowOf, type BlockWindow } from "@/lib/incidents/block-window";

// Findings and incidents as other tools consume them (`tollwatch findings --json`): a stable,
// documented shape (README), days as organization-local dates, instants in ISO 8601 UTC.

export type FindingView = {
  id: string;
  rule: string;
  severity: string;
  day: string;
  periodStart: string;
  periodEnd: string;
  score: number;
  subject: Record<string, string>;
  numbers: Record<string, unknown>;
  explanation: { ja: string; en: string };
  incidentId: string | null;
};

export type IncidentView = {
  id: string;
  status: string;
  severity: string;
  firstCallAt: string;
  lastCallAt: string;
  calls: number;
  estimatedCost: number;
  currency: string;
  destinations: Record<string, number>;
  /** When the carrier was asked to block international calls, when it took effect, and the cost in between. */
  blockWindow: BlockWindow | null;
};

export async function listFindings(ctx: OrgContext, range: { from?: string; to?: string } = {}): Promise<{ findings: FindingView[]; incidents: IncidentView[] }> {
  const day = { ...(range.from ? { gte: new Date(`${range.from}T00:00:00Z`) } : {}), ...(range.to ? { lte: new Date(`${range.to}T00:00:00Z`) } : {}) };
  const findings = await ctx.db.prisma.finding.findMany({
    where: { orgId: ctx.org.id, day },
    orderBy: [{ day: "asc" }, { periodStart: "asc" }, { ruleId: "asc" }],
    select: { id: true, ruleId: true, severity: true, day: true, periodStart: true, periodEnd: true, score: true, subject: true, numbers: true, incidentId: true },
  });
  const incidentIds = [...new Set(findings.map((finding) => finding.incidentId).filter((id): id is string => id !== null))];
  const incidents = await ctx.db.prisma.incident.findMany({
    where: { orgId: ctx.org.id, ...(range.from || range.to ? { id: { in: incidentIds } } : {}) },
    orderBy: { firstCallAt: "asc" },
    select: { id: true, status: true, severity: true, firstCallAt: true, lastCallAt: true, calls: true, estimatedCost: true, currency: true, destinations: true, blockRequestedAt: true, blockCompletedAt: true },
  });
  const options = { timeZone: ctx.org.timeZone, currency: ctx.org.currency };
  const detection = incidents.some((incident) => incident.blockRequestedAt) ? await loadDetectionContext(ctx) : null;
  return {
    findings: findings.map((finding) => {
      const dayText = finding.day.toISOString().slice(0, 10);
      const numbers = finding.numbers as Record<string, unknown>;
      return {
        id: finding.id,
        rule: finding.ruleId,
        severity: finding.severity,
        day: dayText,
        periodStart: finding.periodStart.toISOString(),
        periodEnd: finding.periodEnd.toISOString(),
        score: finding.score,
        subject: finding.subject as Record<string, string>,
        numbers,
        explanation: explainFindingBoth({ ruleId: finding.ruleId, day: dayText, numbers, subject: finding.subject as Record<string, string> }, options),
        incidentId: finding.incidentId,
      };
    }),
    incidents: await Promise.all(incidents.map(async (incident) => ({
      id: incident.id,
      status: incident.status,
      severity: incident.severity,
      firstCallAt: incident.firstCallAt.toISOString(),
      lastCallAt: incident.lastCallAt.toISOString(),
      calls: incident.calls,
      estimatedCost: Number(incident.estimatedCost),
      currency: incident.currency.trim(),
      destinations: incident.destinations as Record<string, number>,
      blockWindow: detection ? await blockWindowOf(ctx, detection, incident) : null,
    }))),
  };
}
