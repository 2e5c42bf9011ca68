import "server-only";
import type pg from "pg";
import { DistinctTexts } from "@/lib/ingest/distinct-texts";
import { QUARTER_HOUR_MS, unitsAsDecimal, type CallTally, type QuarterTally } from "@/lib/ingest/call-tally";
import { deleteRollups, refreshRollups } from "@/lib/storage/refresh-rollups";

// Keeps a load's rollups as it goes (lib/storage/load-call-chunks.ts) from the tallies the stager
// counted (lib/ingest/call-tally.ts): a chunk whose calls were all stored adds its tally to the
// open days; a day the last chunk did not touch is taken as complete (CDR files run in time order)
// and its rollups written from the tallies, so the work overlaps the reading and only a day or two
// of destinations is held. Counted again from call_records at the end, instead: days that held
// the organization's calls before this load (checked before a chunk first stores calls on them),
// days of a chunk that met calls already stored (its tally overcounts), days a later chunk touched
// again after they were written (a file out of order), days whose calls settling leg groups
// replaced, and the open days when more destinations than MAX_HELD_DESTINATIONS are held.

export type RollupsDuringLoad = {
  /** Before storing a chunk with this tally. */
  beforeChunk(tally: CallTally): Promise<void>;
  /** After storing it: `storedAll` when every call of the tally was stored. */
  afterChunk(tally: CallTally, storedAll: boolean): Promise<void>;
  /** Writes the rollups of every day not yet written, counting from call_records those that need it. */
  finish(alsoRecount: string[]): Promise<void>;
};

/** Destinations held for open days before they are left to the recount (11 to 21 bytes each: two hashes in a table kept under three quarters full). */
export const MAX_HELD_DESTINATIONS = 400_000;

type Scope = { orgId: string; timeZone: string };

export async function startRollupsDuringLoad(client: pg.PoolClient, scope: Scope, options: { maxHeldDestinations?: number } = {}): Promise<RollupsDuringLoad> {
  const maxHeld = options.maxHeldDestinations ?? MAX_HELD_DESTINATIONS;
  /** UTC quarter hour → organization-local hour ("YYYY-MM-DD HH:00:00"), as PostgreSQL reckons it. */
  const localHourOf = new Map<number, string>();
  const checked = new Set<string>();
  /** Open day → tallies of its quarters. */
  const open = new Map<string, QuarterTally[]>();
  const written = new Set<string>();
  const recount = new Set<string>();
  let held = 0;

  async function daysOf(tally: CallTally): Promise<string[]> {
    const unknown = tally.quarters().filter((quarter) => !localHourOf.has(quarter));
    if (unknown.length > 0) {
      const mapped = await client.query<{ quarter: string; localHour: string }>(
        `SELECT q::text AS quarter, to_char(date_trunc('hour', to_timestamp(q * ${QUARTER_HOUR_MS / 1000}) AT TIME ZONE $1), 'YYYY-MM-DD HH24:MI:SS') AS "localHour"
           FROM unnest($2::bigint[]) q`,
        [scope.timeZone, unknown],
      );
      for (const row of mapped.rows) localHourOf.set(Number(row.quarter), row.localHour);
    }
    return [...new Set(tally.quarters().map((quarter) => localHourOf.get(quarter)!.slice(0, 10)))].sort();
  }

  function leaveToRecount(days: Iterable<string>): void {
    for (const day of days) {
      recount.add(day);
      for (const tally of open.get(day) ?? []) held -= tally.destinations.size;
      open.delete(day);
    }
  }

  return {
    async beforeChunk(tally) {
      const days = await daysOf(tally);
      for (const day of days) if (written.has(day)) recount.add(day);
      const unchecked = days.filter((day) => !checked.has(day));
      if (unchecked.length === 0) return;
      // No call of this load is yet on a day it meets for the first time, so a call found there is older.
      const older = await client.query<{ day: string }>(
        `SELECT to_char(d, 'YYYY-MM-DD') AS day FROM unnest($2::date[]) d
          WHERE EXISTS (SELECT 1 FROM call_records WHERE org_id = $1
                           AND started_at >= (d::timestamp AT TIME ZONE $3) AND started_at < ((d + 1)::timestamp AT TIME ZONE $3))`,
        [scope.orgId, unchecked, scope.timeZone],
      );
      for (const day of unchecked) checked.add(day);
      for (const { day } of older.rows) recount.add(day);
    },
    async afterChunk(tally, storedAll) {
      const days = await daysOf(tally);
      if (!storedAll || !tally.isExact) leaveToRecount(days);
      const touched = new Set(days);
      const complete = [...open.keys()].filter((day) => !touched.has(day)).sort();
      for (const group of tally.groups()) {
        const day = localHourOf.get(group.quarter)!.slice(0, 10);
        if (written.has(day) || recount.has(day)) continue;
        let tallies = open.get(day);
        if (!tallies) open.set(day, (tallies = []));
        tallies.push(group);
        held += group.destinations.size;
      }
      if (complete.length > 0) await writeDays(complete);
      if (held > maxHeld) leaveToRecount([...open.keys()]);
    },
    async finish(alsoRecount) {
      leaveToRecount(alsoRecount);
      await writeDays([...open.keys()].sort());
      await refreshRollups(client, { ...scope, localDays: [...recount].sort() });
    },
  };

  async function writeDays(days: string[]): Promise<void> {
    const tallies = days.flatMap((day) => open.get(day) ?? []);
    await deleteRollups(client, { ...scope, localDays: days });
    await insertRollups(client, scope, "daily_stats", sumBy(tallies, (tally) => localHourOf.get(tally.quarter)!.slice(0, 10)));
    await insertRollups(client, scope, "hourly_stats", sumBy(tallies, (tally) => localHourOf.get(tally.quarter)!));
    for (const day of days) {
      for (const tally of open.get(day) ?? []) held -= tally.destinations.size;
      open.delete(day);
      written.add(day);
    }
  }
}

type RollupRow = { period: string; direction: string; country: string; calls: number; answeredCalls: number; billableSeconds: number; costUnits: number; shortCalls: number; destinations: DistinctTexts };

/** The tallies summed per period (local day or hour), direction and country; destinations counted once. */
function sumBy(tallies: QuarterTally[], periodOf: (tally: QuarterTally) => string): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  for (const tally of tallies) {
    const period = periodOf(tally);
    const key = `${period}|${tally.direction}|${tally.country}`;
    let row = rows.get(key);
    if (!row) {
      row = { period, direction: tally.direction, country: tally.country, calls: 0, answeredCalls: 0, billableSeconds: 0, costUnits: 0, shortCalls: 0, destinations: new DistinctTexts() };
      rows.set(key, row);
    }
    row.calls += tally.calls;
    row.answeredCalls += tally.answeredCalls;
    row.billableSeconds += tally.billableSeconds;
    row.costUnits += tally.costUnits;
    row.shortCalls += tally.shortCalls;
    row.destinations.addAll(tally.destinations);
  }
  return [...rows.values()];
}

/** Inserts rollup rows; an hourly row's period is a local hour, stored as the instant it begins. */
async function insertRollups(client: pg.PoolClient, scope: Scope, table: "daily_stats" | "hourly_stats", rows: RollupRow[]): Promise<void> {
  if (rows.length === 0) return;
  const [periodColumn, periods, period] = table === "daily_stats" ? ["day", "$2::date[]", "period"] : ["hour_start", "$2::timestamp[]", "period AT TIME ZONE $11"];
  await client.query(
    `INSERT INTO ${table} (org_id, ${periodColumn}, direction, destination_country, calls, answered_calls, billable_seconds, estimated_cost, distinct_destinations, short_calls)
     SELECT $1, ${period}, direction, country, calls, answered, billable, cost, destinations, short
       FROM unnest(${periods}, $3::call_direction[], $4::char(2)[], $5::int[], $6::int[], $7::bigint[], $8::numeric[], $9::int[], $10::int[])
            AS r(period, direction, country, calls, answered, billable, cost, destinations, short)`,
    [
      scope.orgId,
      rows.map((row) => row.period),
      rows.map((row) => row.direction),
      rows.map((row) => row.country),
      rows.map((row) => row.calls),
      rows.map((row) => row.answeredCalls),
      rows.map((row) => row.billableSeconds),
      rows.map((row) => unitsAsDecimal(row.costUnits)),
      rows.map((row) => row.destinations.size),
      rows.map((row) => row.shortCalls),
      ...(table === "hourly_stats" ? [scope.timeZone] : []),
    ],
  );
}
