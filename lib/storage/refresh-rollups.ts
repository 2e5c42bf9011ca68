import "server-only";
import type pg from "pg";
import { STAGING_TABLE } from "@/lib/storage/call-record-columns";

// Daily (organization-local day) and hourly (UTC hour) aggregates per direction × destination
// country, recomputed from call_records for exactly the days the staged upload touched.

/** An answered call shorter than this counts as short (the 30-second flood pattern). */
export const SHORT_CALL_SECONDS = 60;

const MEASURES = `
  count(*)::int,
  (count(*) FILTER (WHERE disposition = 'answered'))::int,
  coalesce(sum(billable_seconds), 0)::bigint,
  coalesce(sum(cost_amount), 0),
  (count(DISTINCT coalesce(destination_e164, destination_raw)))::int,
  (count(*) FILTER (WHERE disposition = 'answered' AND billable_seconds < ${SHORT_CALL_SECONDS}))::int`;

const MEASURE_COLUMNS =
  "calls, answered_calls, billable_seconds, estimated_cost, distinct_destinations, short_calls";

/** UTC ranges of the touched local days, from a date[] parameter ($2) and the zone ($3). */
const TOUCHED_RANGES = `
  touched AS (
    SELECT (day::timestamp AT TIME ZONE $3) AS from_at, ((day + 1)::timestamp AT TIME ZONE $3) AS to_at
      FROM unnest($2::date[]) AS day
  )`;

export async function stagedLocalDays(client: pg.PoolClient, timeZone: string): Promise<string[]> {
  const result = await client.query<{ day: string }>(
    `SELECT DISTINCT to_char((started_at AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS day
       FROM ${STAGING_TABLE} WHERE kind = 'call' ORDER BY 1`,
    [timeZone],
  );
  return result.rows.map((row) => row.day);
}

export async function refreshRollups(
  client: pg.PoolClient,
  scope: { orgId: string; timeZone: string; localDays: string[] },
): Promise<void> {
  if (scope.localDays.length === 0) return;
  const params = [scope.orgId, scope.localDays, scope.timeZone];
  await client.query(`DELETE FROM daily_stats WHERE org_id = $1 AND day = ANY($2::date[])`, params.slice(0, 2));
  await client.query(
    `WITH ${TOUCHED_RANGES}
     INSERT INTO daily_stats (org_id, day, direction, destination_country, ${MEASURE_COLUMNS})
     SELECT $1, (c.started_at AT TIME ZONE $3)::date, c.direction, coalesce(c.destination_country, 'ZZ'), ${MEASURES}
       FROM call_records c JOIN touched t ON c.started_at >= t.from_at AND c.started_at < t.to_at
      WHERE c.org_id = $1
      GROUP BY 2, 3, 4`,
    params,
  );
  await client.query(
    `WITH ${TOUCHED_RANGES}
     DELETE FROM hourly_stats h USING touched t
      WHERE h.org_id = $1 AND h.hour_start >= t.from_at AND h.hour_start < t.to_at`,
    params,
  );
  await client.query(
    `WITH ${TOUCHED_RANGES}
     INSERT INTO hourly_stats (org_id, hour_start, direction, destination_country, ${MEASURE_COLUMNS})
     SELECT $1, date_trunc('hour', c.started_at, 'UTC'), c.direction, coalesce(c.destination_country, 'ZZ'), ${MEASURES}
       FROM call_records c JOIN touched t ON c.started_at >= t.from_at AND c.started_at < t.to_at
      WHERE c.org_id = $1
      GROUP BY 2, 3, 4`,
    params,
  );
}
