import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import { BASELINE_DAYS } from "@/lib/evidence-pack/baseline";
import type { MonthRow } from "@/lib/evidence-pack/evidence-pack";

// What the organization's international calling looked like before the incident: outbound
// international calls in each hour of the 28 days before it (the usual band of the charts), and
// month by month for the three months before the incident's month and that month itself.

const MONTHS_BEFORE = 3;

/** For each hour of day (local), the calls in that hour on each of the baseline days (0 when none). */
export type UsualHours = number[][];

export async function loadUsualHours(ctx: OrgContext, before: Date): Promise<UsualHours> {
  const rows = await ctx.db.pool.query<{ day: string; hour: number; calls: number }>(
    `/* loadUsualHours */
     SELECT to_char(hour_start AT TIME ZONE $2, 'YYYY-MM-DD') AS day, extract(hour FROM hour_start AT TIME ZONE $2)::int AS hour, sum(calls)::int AS calls
       FROM hourly_stats
      WHERE org_id = $1 AND direction = 'outbound' AND destination_country <> $3
        AND hour_start >= $4::timestamptz - make_interval(days => $5) AND hour_start < date_trunc('hour', $4::timestamptz)
      GROUP BY 1, 2`,
    [ctx.org.id, ctx.org.timeZone, ctx.org.countryCode, before, BASELINE_DAYS],
  );
  const days = [...new Set(rows.rows.map((row) => row.day))].sort();
  const dayIndex = new Map(days.map((day, index) => [day, index]));
  const hours: UsualHours = Array.from({ length: 24 }, () => new Array<number>(BASELINE_DAYS).fill(0));
  for (const row of rows.rows) {
    const index = dayIndex.get(row.day)! + BASELINE_DAYS - days.length;
    if (index >= 0) hours[row.hour][index] += row.calls;
  }
  return hours;
}

export async function loadMonths(ctx: OrgContext, incidentStart: Date, incidentCountries: string[]): Promise<MonthRow[]> {
  const rows = await ctx.db.pool.query<{ month: string; calls: number; seconds: string; to_incident: number; countries: number }>(
    `/* loadMonths */
     WITH bounds AS (SELECT date_trunc('month', ($2::timestamptz AT TIME ZONE $3)) AS month_start)
     SELECT to_char(day, 'YYYY-MM') AS month, sum(calls)::int AS calls, sum(billable_seconds)::bigint AS seconds,
            coalesce(sum(calls) FILTER (WHERE destination_country = ANY($5::text[])), 0)::int AS to_incident, count(DISTINCT destination_country)::int AS countries
       FROM daily_stats, bounds
      WHERE org_id = $1 AND direction = 'outbound' AND destination_country <> $4
        AND day >= (bounds.month_start - make_interval(months => $6))::date AND day < (bounds.month_start + interval '1 month')::date
      GROUP BY 1 ORDER BY 1`,
    [ctx.org.id, incidentStart, ctx.org.timeZone, ctx.org.countryCode, incidentCountries, MONTHS_BEFORE],
  );
  return rows.rows.map((row) => ({ month: row.month, internationalCalls: row.calls, internationalMinutes: Math.round(Number(row.seconds) / 60), callsToIncidentCountries: row.to_incident, countries: row.countries }));
}
