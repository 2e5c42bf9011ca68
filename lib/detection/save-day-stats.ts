import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import type { DayStats } from "@/lib/detection/day-stats";

// Stores what the evaluated days contribute to later baselines (one upsert for the whole batch).

export async function saveDayStats(ctx: OrgContext, entries: readonly (readonly [string, DayStats])[]): Promise<void> {
  if (entries.length === 0) return;
  await ctx.db.pool.query(
    `INSERT INTO detection_day_stats (org_id, day, stats, computed_at)
     SELECT $1, entry.day, entry.stats, now() FROM unnest($2::date[], $3::jsonb[]) AS entry(day, stats)
     ON CONFLICT (org_id, day) DO UPDATE SET stats = EXCLUDED.stats, computed_at = EXCLUDED.computed_at`,
    [ctx.org.id, entries.map(([day]) => day), entries.map(([, stats]) => JSON.stringify(stats))],
  );
}
