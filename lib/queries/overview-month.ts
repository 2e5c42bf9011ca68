import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import { loadDetectionContext } from "@/lib/detection/load-detection-input";
import { asRange, daysOfMonth, monthsOf, previousRange, rangeBounds, type MonthKey, type MonthRange } from "@/lib/format/month";

// The overview's month at a glance, from the daily rollups (one row per local day, direction and
// destination country; "ZZ" where no country could be read) and the organization's open incidents.

export type MonthFigures = { calls: number; outboundInternational: number; minutes: number; estimatedCost: number; flaggedDays: number };
export type DayByCountry = { day: string; total: number; estimatedCost: number } & Record<string, number | string>;
export type MonthOverview = { current: MonthFigures; previous: MonthFigures; countries: string[]; days: DayByCountry[] };

const FLAGGING = ["medium", "high", "critical"];
const TOP_COUNTRIES = 5;

type StatRow = { day: string; direction: string; country: string; calls: number; billable: string; cost: string };

/**
 * The month's (or months') figures beside those of as many months before; outbound calls per day by destination country
 * (the month's top countries and "other", every day present); estimated charges per day — the
 * carrier's charges where the CDRs carry them, else the rate table, as detection estimates them.
 * One scan of two months of daily rollups and one of findings.
 */
export async function getMonthOverview(ctx: OrgContext, period: MonthKey | MonthRange): Promise<MonthOverview> {
  const current = asRange(period);
  const range = [rangeBounds(previousRange(current)).fromDay, rangeBounds(current).fromDay, rangeBounds(current).toDayExclusive];
  const [stats, flagged, detection] = await Promise.all([
    ctx.db.pool.query<StatRow>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, direction, destination_country AS country, calls, billable_seconds AS billable, estimated_cost AS cost
         FROM daily_stats
        WHERE org_id = $1 AND day >= $2::date AND day < $3::date`,
      [ctx.org.id, range[0], range[2]],
    ),
    ctx.db.pool.query<{ is_current: boolean; days: number }>(
      `SELECT day >= $3::date AS is_current, count(DISTINCT day)::int AS days
         FROM findings
        WHERE org_id = $1 AND day >= $2::date AND day < $4::date AND severity::text = ANY($5::text[])
        GROUP BY 1`,
      [ctx.org.id, ...range, FLAGGING],
    ),
    loadDetectionContext(ctx),
  ]);
  const costOf = (row: StatRow, country: string) => {
    if (row.direction !== "outbound") return 0;
    const carrierCost = Number(row.cost);
    const isInternational = country !== "ZZ" && country !== ctx.org.countryCode;
    return detection.rate({ country: country === "ZZ" ? null : country, numberType: "fixed_line", isInternational, billableSeconds: Number(row.billable), carrierCost: carrierCost > 0 ? carrierCost : null });
  };
  const figures = { current: emptyFigures(), previous: emptyFigures() };
  const totals = new Map<string, number>();
  const currentRows: (StatRow & { estimated: number })[] = [];
  for (const row of stats.rows) {
    const country = row.country.trim();
    const estimated = costOf(row, country);
    const target = row.day >= range[1] ? figures.current : figures.previous;
    target.calls += row.calls;
    target.minutes += Number(row.billable) / 60;
    target.estimatedCost += estimated;
    if (row.direction === "outbound" && country !== "ZZ" && country !== ctx.org.countryCode) target.outboundInternational += row.calls;
    if (row.day >= range[1]) {
      currentRows.push({ ...row, country, estimated });
      if (row.direction === "outbound") totals.set(country, (totals.get(country) ?? 0) + row.calls);
    }
  }
  for (const [isCurrent, target] of [[true, figures.current], [false, figures.previous]] as const) {
    target.minutes = Math.round(target.minutes);
    target.estimatedCost = Math.round(target.estimatedCost);
    target.flaggedDays = flagged.rows.find((row) => row.is_current === isCurrent)?.days ?? 0;
  }
  const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_COUNTRIES).map(([country]) => country);
  const countries = totals.size > top.length ? [...top, "other"] : top;
  const days: DayByCountry[] = monthsOf(current).flatMap(daysOfMonth).map((day) => ({ day, total: 0, estimatedCost: 0, ...Object.fromEntries(countries.map((country) => [country, 0])) }));
  const byDay = new Map(days.map((entry) => [entry.day, entry]));
  for (const row of currentRows) {
    const entry = byDay.get(row.day);
    if (!entry) continue;
    entry.estimatedCost += row.estimated;
    if (row.direction !== "outbound") continue;
    const key = top.includes(row.country) ? row.country : "other";
    entry[key] = Number(entry[key]) + row.calls;
    entry.total += row.calls;
  }
  for (const entry of days) entry.estimatedCost = Math.round(entry.estimatedCost);
  return { ...figures, countries, days };
}

function emptyFigures(): MonthFigures {
  return { calls: 0, outboundInternational: 0, minutes: 0, estimatedCost: 0, flaggedDays: 0 };
}

export type OverviewIncident = { id: string; severity: string; status: string; firstCallAt: Date; lastCallAt: Date; calls: number; estimatedCost: number; currency: string; destinations: Record<string, number>; finding: { ruleId: string; day: string; numbers: Record<string, unknown>; subject: Record<string, string> } | null };

/** The organization's open incidents (open, acknowledged, disputed), worst first, each with its strongest finding. */
export async function getOpenIncidentsWithReason(ctx: OrgContext, limit = 5): Promise<OverviewIncident[]> {
  const rows = await ctx.db.prisma.incident.findMany({
    where: { orgId: ctx.org.id, status: { in: ["open", "acknowledged", "disputed"] } },
    orderBy: [{ lastCallAt: "desc" }],
    take: 50,
    select: {
      id: true, severity: true, status: true, firstCallAt: true, lastCallAt: true, calls: true, estimatedCost: true, currency: true, destinations: true,
      findings: { orderBy: { score: "desc" }, take: 1, select: { ruleId: true, day: true, numbers: true, subject: true } },
    },
  });
  const rank = { critical: 0, high: 1, medium: 2, low: 3 } as const;
  return rows
    .sort((a, b) => rank[a.severity] - rank[b.severity] || b.lastCallAt.getTime() - a.lastCallAt.getTime())
    .slice(0, limit)
    .map(({ findings, estimatedCost, destinations, ...incident }) => ({
      ...incident,
      destinations: destinations as Record<string, number>,
      estimatedCost: Number(estimatedCost),
      finding: findings[0] ? { ruleId: findings[0].ruleId, day: findings[0].day.toISOString().slice(0, 10), numbers: findings[0].numbers as Record<string, unknown>, subject: findings[0].subject as Record<string, string> } : null,
    }));
}
