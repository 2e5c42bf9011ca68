import "server-only";
import { loadOrgContext, type Database } from "@/lib/db/org-context";
import { runDetection } from "@/lib/detection/run-detection";

// Detection when a day completes: pushed CDRs are judged as they arrive, over a day that is not over
// yet; once it is over in the organization's zone, day-level rules (a whole day against the usual
// weekday) see all of it. Finds each organization's yesterday that has calls and was last evaluated
// before it ended, and runs detection over it (which also plans alerts). Runs every 15 minutes.

export async function detectCompletedDays(db: Database): Promise<number> {
  const due = await db.pool.query<{ org_id: string; day: string }>(
    `SELECT o.id AS org_id, to_char(y.day, 'YYYY-MM-DD') AS day
       FROM organizations o
      CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE o.time_zone)::date - 1 AS day) y
      LEFT JOIN detection_day_stats s ON s.org_id = o.id AND s.day = y.day
      WHERE EXISTS (SELECT 1 FROM daily_stats d WHERE d.org_id = o.id AND d.day = y.day)
        AND (s.computed_at IS NULL OR s.computed_at < (y.day + 1)::timestamp AT TIME ZONE o.time_zone)`,
  );
  for (const row of due.rows) {
    const ctx = await loadOrgContext(db, { id: row.org_id }, { kind: "system", name: "jobs" });
    await runDetection(ctx, { days: [row.day] });
  }
  return due.rows.length;
}
