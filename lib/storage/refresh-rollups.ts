import "server-only";
import type pg from "pg";
import { SHORT_CALL_SECONDS } from "@/lib/ingest/call-tally";

// Daily and hourly aggregates per direction × destination country for organization-local days,
// recomputed from call_records (after a deletion, a settling of legs, or where a load's own tallies
// cannot be trusted; lib/storage/rollups-during-load.ts writes the rest while loading). Both come
// from one table of calls grouped per local hour and destination number (rollup_per_destination),
// summed per hour or per day, destinations counted once. hour_start is the instant the
// organization-local hour begins.

const PER_DESTINATION = "rollup_per_destination";
const MEASURE_COLUMNS = "calls, answered_calls, billable_seconds, estimated_cost, distinct_destinations, short_calls";
/** Sums over the per-destination rows; count(DISTINCT) counts a destination once per day across its hours. */
const SUMMED_MEASURES = `sum(calls)::int, sum(answered_calls)::int, sum(billable_seconds)::bigint, sum(estimated_cost),
       count(DISTINCT destination)::int, sum(short_calls)::int`;
/** Destinations are told apart by a 64-bit hash of their number: smaller keys, the same distinct counts. */
const PER_DESTINATION_SELECT = (source: string, timeZoneParam: string) =>
  `SELECT date_trunc('hour', started_at AT TIME ZONE ${timeZoneParam}) AS local_hour, direction,
          coalesce(destination_country, 'ZZ') AS destination_country,
          hashtextextended(coalesce(destination_e164, destination_raw), 0) AS destination,
          count(*) AS calls,
          count(*) FILTER (WHERE disposition = 'answered') AS answered_calls,
          coalesce(sum(billable_seconds), 0) AS billable_seconds,
          coalesce(sum(cost_amount), 0) AS estimated_cost,
          count(*) FILTER (WHERE disposition = 'answered' AND billable_seconds < ${SHORT_CALL_SECONDS}) AS short_calls
     FROM ${source} GROUP BY 1, 2, 3, 4`;

/** The transaction's empty per-destination table. */
async function createPerDestination(client: pg.PoolClient): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${PER_DESTINATION}`);
  await client.query(
    `CREATE TEMP TABLE ${PER_DESTINATION} (local_hour timestamp, direction call_direction, destination_country char(2), destination bigint,
       calls bigint, answered_calls bigint, billable_seconds bigint, estimated_cost numeric, short_calls bigint) ON COMMIT DROP`,
  );
}

/** Fills the per-destination table with every call the organization has on these local days. */
async function addDaysToPerDestination(client: pg.PoolClient, scope: { orgId: string; timeZone: string; localDays: string[] }): Promise<void> {
  if (scope.localDays.length === 0) return;
  const { orgId, timeZone, localDays } = scope;
  // Freshly loaded partitions have no statistics yet: the planner, expecting a handful of rows,
  // would sort a million of them where a hash aggregate takes a fraction of that.
  await client.query("SET LOCAL enable_sort = off");
  await client.query(
    `INSERT INTO ${PER_DESTINATION} ${PER_DESTINATION_SELECT(
      `call_records WHERE org_id = $1
          AND started_at >= (($3::date[])[1]::timestamp AT TIME ZONE $2)
          AND started_at < ((($3::date[])[array_length($3::date[], 1)] + 1)::timestamp AT TIME ZONE $2)
          AND (started_at AT TIME ZONE $2)::date = ANY($3::date[])`,
      "$2",
    )}`,
    [orgId, timeZone, localDays],
  );
  await client.query("SET LOCAL enable_sort = DEFAULT");
}

/** Removes the daily_stats and hourly_stats rows of these local days. */
export async function deleteRollups(client: pg.PoolClient, scope: { orgId: string; timeZone: string; localDays: string[] }): Promise<void> {
  const { orgId, timeZone, localDays } = scope;
  await client.query(`DELETE FROM daily_stats WHERE org_id = $1 AND day = ANY($2::date[])`, [orgId, localDays]);
  await client.query(
    `DELETE FROM hourly_stats WHERE org_id = $1
        AND hour_start >= (($2::date[])[1]::timestamp AT TIME ZONE $3)
        AND hour_start < ((($2::date[])[array_length($2::date[], 1)] + 1)::timestamp AT TIME ZONE $3)
        AND (hour_start AT TIME ZONE $3)::date = ANY($2::date[])`,
    [orgId, localDays, timeZone],
  );
}

/** Rewrites daily_stats and hourly_stats of these local days from their rows of the per-destination table. */
async function writeRollups(client: pg.PoolClient, scope: { orgId: string; timeZone: string; localDays: string[] }): Promise<void> {
  const { orgId, timeZone, localDays } = scope;
  await deleteRollups(client, scope);
  await client.query(
    `INSERT INTO daily_stats (org_id, day, direction, destination_country, ${MEASURE_COLUMNS})
     SELECT $1, local_hour::date, direction, destination_country, ${SUMMED_MEASURES}
       FROM ${PER_DESTINATION} WHERE local_hour::date = ANY($2::date[]) GROUP BY 2, 3, 4`,
    [orgId, localDays],
  );
  await client.query(
    `INSERT INTO hourly_stats (org_id, hour_start, direction, destination_country, ${MEASURE_COLUMNS})
     SELECT $1, local_hour AT TIME ZONE $2, direction, destination_country, ${SUMMED_MEASURES}
       FROM ${PER_DESTINATION} WHERE local_hour::date = ANY($3::date[]) GROUP BY local_hour, direction, destination_country`,
    [orgId, timeZone, localDays],
  );
}

/** Recomputes the rollups of these local days from call_records (after a deletion, or a settling of legs). */
export async function refreshRollups(client: pg.PoolClient, scope: { orgId: string; timeZone: string; localDays: string[] }): Promise<void> {
  if (scope.localDays.length === 0) return;
  await createPerDestination(client);
  await addDaysToPerDestination(client, scope);
  await writeRollups(client, scope);
}
