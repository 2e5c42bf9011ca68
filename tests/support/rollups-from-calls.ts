import type pg from "pg";
import { refreshRollups } from "@/lib/storage/refresh-rollups";

// The rollups an organization has, and the rollups recomputed from its stored calls (in a
// transaction rolled back), for tests that prove a load kept them true.

type RollupRows = { daily: unknown[]; hourly: unknown[] };

export async function storedRollups(pool: pg.Pool | pg.PoolClient, orgId: string): Promise<RollupRows> {
  const daily = await pool.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, direction, destination_country, calls, answered_calls, billable_seconds::int,
            estimated_cost::text, distinct_destinations, short_calls
       FROM daily_stats WHERE org_id = $1 ORDER BY 1, 2, 3`,
    [orgId],
  );
  const hourly = await pool.query(
    `SELECT hour_start, direction, destination_country, calls, answered_calls, billable_seconds::int,
            estimated_cost::text, distinct_destinations, short_calls
       FROM hourly_stats WHERE org_id = $1 ORDER BY 1, 2, 3`,
    [orgId],
  );
  return { daily: daily.rows, hourly: hourly.rows };
}

export async function rollupsRecomputed(pool: pg.Pool, org: { id: string; timeZone: string }): Promise<RollupRows> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const days = await client.query<{ day: string }>(
      `SELECT DISTINCT to_char((started_at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS day FROM call_records WHERE org_id = $1
       UNION SELECT to_char(day, 'YYYY-MM-DD') FROM daily_stats WHERE org_id = $1 ORDER BY 1`,
      [org.id, org.timeZone],
    );
    await refreshRollups(client, { orgId: org.id, timeZone: org.timeZone, localDays: days.rows.map((row) => row.day) });
    return await storedRollups(client, org.id);
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}
