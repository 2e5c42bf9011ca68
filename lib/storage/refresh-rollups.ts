import "server-only";
import type pg from "pg";

// Daily and hourly aggregates per direction × destination country, recomputed from call_records
// for the organization-local days the upload touched (lib/ingest/touched-periods.ts). Both come from one scan:
// calls are first grouped per local hour and destination number (hash aggregates, which count
// distinct destinations without sorting), then summed per hour, and per day and number.
// hour_start is the instant the organization-local hour begins.

/** An answered call shorter than this counts as short (the 30-second flood pattern). */
export const SHORT_CALL_SECONDS = 60;

const PER_DESTINATION = "rollup_per_destination";

const MEASURE_COLUMNS = "calls, answered_calls, billable_seconds, estimated_cost, distinct_destinations, short_calls";
const SUMMED_MEASURES = `sum(calls)::int, sum(answered_calls)::int, sum(billable_seconds)::bigint, sum(estimated_cost), count(*)::int, sum(short_calls)::int`;

export async function refreshRollups(
  client: pg.PoolClient,
  scope: { orgId: string; timeZone: string; localDays: string[] },
): Promise<void> {
  if (scope.localDays.length === 0) return;
  const { orgId, timeZone, localDays } = scope;
  // Freshly loaded partitions have no statistics yet: the planner, expecting a handful of rows,
  // would sort a million of them (twice, about 5 s) where hash aggregates take a fraction of that.
  await client.query("SET LOCAL enable_sort = off");
  await client.query(`DROP TABLE IF EXISTS ${PER_DESTINATION}`);
  await client.query(
    `CREATE TEMP TABLE ${PER_DESTINATION} ON COMMIT DROP AS
     SELECT date_trunc('hour', started_at AT TIME ZONE $2) AS local_hour, direction,
            coalesce(destination_country, 'ZZ') AS destination_country,
            coalesce(destination_e164, destination_raw) AS destination,
            count(*) AS calls,
            count(*) FILTER (WHERE disposition = 'answered') AS answered_calls,
            coalesce(sum(billable_seconds), 0) AS billable_seconds,
            coalesce(sum(cost_amount), 0) AS estimated_cost,
            count(*) FILTER (WHERE disposition = 'answered' AND billable_seconds < ${SHORT_CALL_SECONDS}) AS short_calls
       FROM call_records
      WHERE org_id = $1
        AND started_at >= (($3::date[])[1]::timestamp AT TIME ZONE $2)
        AND started_at < ((($3::date[])[array_length($3::date[], 1)] + 1)::timestamp AT TIME ZONE $2)
        AND (started_at AT TIME ZONE $2)::date = ANY($3::date[])
      GROUP BY 1, 2, 3, 4`,
    [orgId, timeZone, localDays],
  );
  await client.query(`DELETE FROM daily_stats WHERE org_id = $1 AND day = ANY($2::date[])`, [orgId, localDays]);
  await client.query(
    `INSERT INTO daily_stats (org_id, day, direction, destination_country, ${MEASURE_COLUMNS})
     SELECT $1, day, direction, destination_country, ${SUMMED_MEASURES}
       FROM (SELECT local_hour::date AS day, direction, destination_country, destination,
                    sum(calls) AS calls, sum(answered_calls) AS answered_calls, sum(billable_seconds) AS billable_seconds,
                    sum(estimated_cost) AS estimated_cost, sum(short_calls) AS short_calls
               FROM ${PER_DESTINATION} GROUP BY 1, 2, 3, 4) AS per_day_destination
      GROUP BY 2, 3, 4`,
    [orgId],
  );
  await client.query(
    `DELETE FROM hourly_stats WHERE org_id = $1
        AND hour_start >= (($2::date[])[1]::timestamp AT TIME ZONE $3)
        AND hour_start < ((($2::date[])[array_length($2::date[], 1)] + 1)::timestamp AT TIME ZONE $3)
        AND (hour_start AT TIME ZONE $3)::date = ANY($2::date[])`,
    [orgId, localDays, timeZone],
  );
  await client.query(
    `INSERT INTO hourly_stats (org_id, hour_start, direction, destination_country, ${MEASURE_COLUMNS})
     SELECT $1, local_hour AT TIME ZONE $2, direction, destination_country, ${SUMMED_MEASURES}
       FROM ${PER_DESTINATION} GROUP BY local_hour, direction, destination_country`,
    [orgId, timeZone],
  );
  await client.query("SET LOCAL enable_sort = DEFAULT");
}
