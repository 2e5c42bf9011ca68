import "server-only";
import type { OrgContext } from "@/lib/db/org-context";

// An incident on a timeline: outbound calls per hour from a day before its first suspicious call
// to a day after its last (at most 31 days), split into calls to its destinations and the others,
// from the hourly rollups.

const HOUR_MS = 3600_000;
const MARGIN_MS = 24 * HOUR_MS;
const MAX_HOURS = 31 * 24;

export type TimelineHour = { hourStart: string; suspicious: number; other: number };

export async function getIncidentTimeline(ctx: OrgContext, incident: { firstCallAt: Date; lastCallAt: Date; destinations: [string, number][] }): Promise<TimelineHour[]> {
  const from = Math.floor((incident.firstCallAt.getTime() - MARGIN_MS) / HOUR_MS) * HOUR_MS;
  const to = Math.min(Math.ceil((incident.lastCallAt.getTime() + MARGIN_MS) / HOUR_MS) * HOUR_MS, from + MAX_HOURS * HOUR_MS);
  const countries = incident.destinations.map(([code]) => code);
  const rows = await ctx.db.pool.query<{ hour_ms: string; suspicious: number; other: number }>(
    `SELECT (extract(epoch FROM hour_start) * 1000)::bigint AS hour_ms,
            coalesce(sum(calls) FILTER (WHERE trim(destination_country) = ANY($4::text[])), 0)::int AS suspicious,
            coalesce(sum(calls) FILTER (WHERE NOT trim(destination_country) = ANY($4::text[])), 0)::int AS other
       FROM hourly_stats
      WHERE org_id = $1 AND direction = 'outbound' AND hour_start >= $2 AND hour_start < $3
      GROUP BY 1`,
    [ctx.org.id, new Date(from), new Date(to), countries],
  );
  const byHour = new Map(rows.rows.map((row) => [Number(row.hour_ms), row]));
  const hours: TimelineHour[] = [];
  for (let at = from; at < to; at += HOUR_MS) {
    const row = byHour.get(at);
    hours.push({ hourStart: new Date(at).toISOString(), suspicious: row?.suspicious ?? 0, other: row?.other ?? 0 });
  }
  return hours;
}
