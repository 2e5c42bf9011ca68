import "server-only";
import type pg from "pg";
import { addDaysToPerDestination, createPerDestination, writeRollups } from "@/lib/storage/refresh-rollups";

// Keeps a load's rollups as it goes (lib/storage/load-call-chunks.ts): each chunk's stored calls
// are added to the per-destination table; a day the last chunk did not touch is taken as complete
// (CDR files run in time order) and its rollups written and its rows dropped from that table, so
// the work overlaps the reading and the table stays a day or two long. The days recounted from
// call_records at the end: those that held the organization's calls before this load (checked
// before a chunk first stores calls on them), those a later chunk touched again after they were
// written (a file out of order), and those whose calls settling leg groups replaced.

export type RollupsDuringLoad = {
  /** Before storing a chunk that touches these local days. */
  beforeChunk(days: string[]): Promise<void>;
  /** After storing it (and adding its calls to the per-destination table). */
  afterChunk(days: string[]): Promise<void>;
  /** Writes the rollups of every day not yet written, recounting those that need it. */
  finish(alsoRecount: string[]): Promise<void>;
};

export async function startRollupsDuringLoad(client: pg.PoolClient, scope: { orgId: string; timeZone: string }): Promise<RollupsDuringLoad> {
  await createPerDestination(client);
  const checked = new Set<string>();
  const open = new Set<string>();
  const written = new Set<string>();
  const recount = new Set<string>();

  return {
    async beforeChunk(days) {
      for (const day of days) if (written.has(day)) recount.add(day);
      const unchecked = days.filter((day) => !checked.has(day));
      if (unchecked.length === 0) return;
      // No call of this load is yet on a day it meets for the first time, so a call found there is older.
      const held = await client.query<{ day: string }>(
        `SELECT to_char(d, 'YYYY-MM-DD') AS day FROM unnest($2::date[]) d
          WHERE EXISTS (SELECT 1 FROM call_records WHERE org_id = $1
                           AND started_at >= (d::timestamp AT TIME ZONE $3) AND started_at < ((d + 1)::timestamp AT TIME ZONE $3))`,
        [scope.orgId, unchecked, scope.timeZone],
      );
      for (const day of unchecked) checked.add(day);
      for (const { day } of held.rows) recount.add(day);
    },
    async afterChunk(days) {
      const touched = new Set(days);
      const complete = [...open].filter((day) => !touched.has(day) && !recount.has(day));
      for (const day of days) if (!written.has(day) && !recount.has(day)) open.add(day);
      if (complete.length === 0) return;
      await writeRollups(client, { ...scope, localDays: complete });
      await dropPerDestinationDays(client, complete);
      for (const day of complete) {
        open.delete(day);
        written.add(day);
      }
    },
    async finish(alsoRecount) {
      const recounted = [...new Set([...recount, ...alsoRecount])].sort();
      await addDaysToPerDestination(client, { ...scope, localDays: recounted });
      await writeRollups(client, { ...scope, localDays: [...new Set([...open, ...recounted])].sort() });
    },
  };
}

/**
 * Drops the rows of these days from the per-destination table by copying the rest to a new one: a
 * DELETE would leave dead rows that every later scan of the table reads again (a temporary table is
 * never vacuumed), adding up to the whole load's worth.
 */
async function dropPerDestinationDays(client: pg.PoolClient, days: string[]): Promise<void> {
  await client.query("ALTER TABLE rollup_per_destination RENAME TO rollup_per_destination_before");
  await client.query(
    `CREATE TEMP TABLE rollup_per_destination ON COMMIT DROP AS
     SELECT * FROM rollup_per_destination_before WHERE NOT (local_hour::date = ANY($1::date[]))`,
    [days],
  );
  await client.query("DROP TABLE rollup_per_destination_before");
}
