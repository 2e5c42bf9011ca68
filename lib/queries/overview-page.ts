import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import { asRange, monthsOf, rangeBounds, daysOfMonth, type MonthKey, type MonthRange } from "@/lib/format/month";

// Read model of the overview page: one function per question, all from the daily rollups.

export type CallsPerDay = { day: string; calls: number };

/** The organization's most recent month with calls, or null when it has none. */
export async function getLatestMonthWithCalls(ctx: OrgContext): Promise<MonthKey | null> {
  const rows = await ctx.db.prisma.$queryRaw<{ month: string | null }[]>`
    SELECT to_char(max(day), 'YYYY-MM') AS month FROM daily_stats WHERE org_id = ${ctx.org.id}::uuid`;
  return (rows[0]?.month as MonthKey | null) ?? null;
}

/** Calls per organization-local day of the month (or months), every day present (zero when no calls). */
export async function getCallsPerDay(ctx: OrgContext, period: MonthKey | MonthRange): Promise<CallsPerDay[]> {
  const { fromDay, toDayExclusive } = rangeBounds(asRange(period));
  const rows = await ctx.db.prisma.$queryRaw<CallsPerDay[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(calls)::int AS calls
      FROM daily_stats
     WHERE org_id = ${ctx.org.id}::uuid AND day >= ${fromDay}::date AND day < ${toDayExclusive}::date
     GROUP BY day ORDER BY day`;
  return fillMonthDays(period, rows);
}

export function fillMonthDays(period: MonthKey | MonthRange, rows: CallsPerDay[]): CallsPerDay[] {
  const byDay = new Map(rows.map((row) => [row.day, row.calls]));
  return monthsOf(asRange(period)).flatMap(daysOfMonth).map((day) => ({ day, calls: byDay.get(day) ?? 0 }));
}

export type FlaggedDay = {
  day: string;
  worstSeverity: "medium" | "high" | "critical";
  findings: { id: string; ruleId: string; severity: string; numbers: Record<string, unknown>; subject: Record<string, string> }[];
  incidentId: string | null;
};

const SEVERITY_ORDER = ["medium", "high", "critical"] as const;

/** Days of the month (or months) with a finding of medium severity or above, worst first within each day. */
export async function getFlaggedDays(ctx: OrgContext, period: MonthKey | MonthRange): Promise<FlaggedDay[]> {
  const { fromDay, toDayExclusive } = rangeBounds(asRange(period));
  const findings = await ctx.db.prisma.finding.findMany({
    where: {
      orgId: ctx.org.id,
      severity: { in: [...SEVERITY_ORDER] },
      day: { gte: new Date(`${fromDay}T00:00:00Z`), lt: new Date(`${toDayExclusive}T00:00:00Z`) },
    },
    orderBy: [{ day: "asc" }, { score: "desc" }],
    select: { id: true, ruleId: true, severity: true, day: true, numbers: true, subject: true, incidentId: true },
  });
  const byDay = new Map<string, FlaggedDay>();
  for (const finding of findings) {
    const day = finding.day.toISOString().slice(0, 10);
    const severity = finding.severity as FlaggedDay["worstSeverity"];
    const entry = byDay.get(day) ?? { day, worstSeverity: severity, findings: [], incidentId: null };
    entry.incidentId ??= finding.incidentId;
    if (SEVERITY_ORDER.indexOf(severity) > SEVERITY_ORDER.indexOf(entry.worstSeverity)) entry.worstSeverity = severity;
    entry.findings.push({ id: finding.id, ruleId: finding.ruleId, severity: finding.severity, numbers: finding.numbers as Record<string, unknown>, subject: finding.subject as Record<string, string> });
    byDay.set(day, entry);
  }
  for (const entry of byDay.values()) entry.findings.sort((a, b) => SEVERITY_ORDER.indexOf(b.severity as never) - SEVERITY_ORDER.indexOf(a.severity as never));
  return [...byDay.values()];
}
