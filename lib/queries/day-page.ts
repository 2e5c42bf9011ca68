import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import { addDays } from "@/lib/detection/local-days";

// One organization-local day as its page shows it: outbound calls per hour by destination country
// against the usual hours of the same weekday, the durations of its answered outbound calls, top
// destinations and sources, and its first calls.

export type DayPage = {
  hourly: { hour: number; byCountry: Record<string, number>; usual: number }[];
  countries: string[];
  durations: { bucket: string; from: number; calls: number }[];
  topDestinations: { country: string; prefix: string; calls: number; minutes: number; carrierCost: number | null }[];
  topSources: { source: string; account: string | null; calls: number; international: number }[];
  calls: { startedAt: Date; direction: string; source: string; destination: string; country: string | null; disposition: string; billableSeconds: number }[];
  totalCalls: number;
};

const TOP_COUNTRIES = 6;
const DURATION_STEP = 5;
const DURATION_MAX = 300;

export async function getDayPage(ctx: OrgContext, day: string): Promise<DayPage> {
  const { id: orgId, timeZone, countryCode } = ctx.org;
  const dayStart = `($2::date::timestamp AT TIME ZONE $3)`;
  const dayEnd = `(($2::date + 1)::timestamp AT TIME ZONE $3)`;
  const sameWeekdays = [7, 14, 21, 28].map((weeks) => addDays(day, -weeks));
  const [hourly, usual, durations, destinations, sources, calls, total] = await Promise.all([
    ctx.db.pool.query<{ hour: number; country: string; calls: number }>(
      `SELECT extract(hour FROM hour_start AT TIME ZONE $3)::int AS hour, destination_country AS country, sum(calls)::int AS calls
         FROM hourly_stats WHERE org_id = $1 AND direction = 'outbound' AND hour_start >= ${dayStart} AND hour_start < ${dayEnd} GROUP BY 1, 2`,
      [orgId, day, timeZone],
    ),
    ctx.db.pool.query<{ hour: number; calls: number }>(
      `SELECT extract(hour FROM hour_start AT TIME ZONE $2)::int AS hour, (sum(calls)::float / 4) AS calls
         FROM hourly_stats WHERE org_id = $1 AND direction = 'outbound' AND to_char(hour_start AT TIME ZONE $2, 'YYYY-MM-DD') = ANY($3::text[]) GROUP BY 1`,
      [orgId, timeZone, sameWeekdays],
    ),
    ctx.db.pool.query<{ bucket: number; calls: number }>(
      `SELECT least(billable_seconds / ${DURATION_STEP}, ${DURATION_MAX / DURATION_STEP}) AS bucket, count(*)::int AS calls
         FROM call_records WHERE org_id = $1 AND started_at >= ${dayStart} AND started_at < ${dayEnd} AND direction = 'outbound' AND disposition = 'answered' GROUP BY 1`,
      [orgId, day, timeZone],
    ),
    ctx.db.pool.query<{ country: string | null; prefix: string; calls: number; seconds: string; cost: string | null }>(
      `SELECT destination_country AS country, left(coalesce(destination_e164, destination_raw), greatest(length(coalesce(destination_e164, destination_raw)) - 4, 1)) AS prefix,
              count(*)::int AS calls, sum(billable_seconds)::bigint AS seconds, sum(cost_amount) AS cost
         FROM call_records WHERE org_id = $1 AND started_at >= ${dayStart} AND started_at < ${dayEnd} AND direction = 'outbound'
        GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 10`,
      [orgId, day, timeZone],
    ),
    ctx.db.pool.query<{ source: string; account: string | null; calls: number; international: number }>(
      `SELECT source_raw AS source, account_code AS account, count(*)::int AS calls, count(*) FILTER (WHERE destination_country IS NOT NULL AND destination_country <> $4)::int AS international
         FROM call_records WHERE org_id = $1 AND started_at >= ${dayStart} AND started_at < ${dayEnd} AND direction = 'outbound'
        GROUP BY 1, 2 ORDER BY 4 DESC, 3 DESC LIMIT 10`,
      [orgId, day, timeZone, countryCode],
    ),
    ctx.db.pool.query<{ started_at: Date; direction: string; source: string; destination: string; country: string | null; disposition: string; billable: number }>(
      `SELECT started_at, direction, source_raw AS source, coalesce(destination_e164, destination_raw) AS destination, destination_country AS country, disposition, billable_seconds AS billable
         FROM call_records WHERE org_id = $1 AND started_at >= ${dayStart} AND started_at < ${dayEnd} ORDER BY started_at LIMIT 50`,
      [orgId, day, timeZone],
    ),
    ctx.db.pool.query<{ calls: number }>(`SELECT coalesce(sum(calls), 0)::int AS calls FROM daily_stats WHERE org_id = $1 AND day = $2::date`, [orgId, day]),
  ]);

  const totals = new Map<string, number>();
  for (const row of hourly.rows) totals.set(row.country.trim(), (totals.get(row.country.trim()) ?? 0) + row.calls);
  const countries = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_COUNTRIES).map(([country]) => country);
  const usualByHour = new Map(usual.rows.map((row) => [row.hour, row.calls]));
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, byCountry: {} as Record<string, number>, usual: Math.round((usualByHour.get(hour) ?? 0) * 10) / 10 }));
  for (const row of hourly.rows) {
    const country = countries.includes(row.country.trim()) ? row.country.trim() : "other";
    byHour[row.hour].byCountry[country] = (byHour[row.hour].byCountry[country] ?? 0) + row.calls;
  }
  const durationCounts = new Map(durations.rows.map((row) => [Number(row.bucket), row.calls]));
  return {
    hourly: byHour,
    countries: totals.size > countries.length ? [...countries, "other"] : countries,
    durations: Array.from({ length: DURATION_MAX / DURATION_STEP + 1 }, (_, index) => ({
      bucket: index === DURATION_MAX / DURATION_STEP ? `${DURATION_MAX}+` : `${index * DURATION_STEP}–${index * DURATION_STEP + DURATION_STEP - 1}`,
      from: index * DURATION_STEP,
      calls: durationCounts.get(index) ?? 0,
    })),
    topDestinations: destinations.rows.map((row) => ({ country: row.country?.trim() ?? "ZZ", prefix: row.prefix, calls: row.calls, minutes: Math.round(Number(row.seconds) / 6) / 10, carrierCost: row.cost === null ? null : Number(row.cost) })),
    topSources: sources.rows,
    calls: calls.rows.map((row) => ({ startedAt: row.started_at, direction: row.direction, source: row.source, destination: row.destination, country: row.country?.trim() ?? null, disposition: row.disposition, billableSeconds: row.billable })),
    totalCalls: total.rows[0]?.calls ?? 0,
  };
}
