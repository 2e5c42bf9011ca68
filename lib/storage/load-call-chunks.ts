import "server-only";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { CALL_COLUMNS, copyIntoStagingSql, createStagingTableSql } from "@/lib/storage/call-record-columns";
import { ensureMonthPartitions } from "@/lib/storage/ensure-month-partitions";
import { callingCodeOf, markedFraudRelevantSql } from "@/lib/storage/fraud-relevance";
import { startRollupsDuringLoad } from "@/lib/storage/rollups-during-load";
import type { CallTally } from "@/lib/ingest/call-tally";
import type { TouchedPeriods } from "@/lib/ingest/touched-periods";

// Loads an upload into call_records and rejected_rows inside the caller's transaction, one chunk
// of staged rows at a time, while the stager goes on reading the file: each chunk is COPied into
// its own temporary table and stored from there, so PostgreSQL's work overlaps the parsing.
//
// A call whose fingerprint the organization already has (the same file again, an overlapping
// export, a row repeated in the file) is a duplicate and adds nothing. Rows sharing a leg group
// are one call, represented by its answered, external, longest leg (the others count as merged
// legs): the first row of each group is stored at once; later rows of a group (marked by the
// stager) wait, and at the end each such group's legs are compared and its representative stored
// in place of the first row.
//
// Rollups are kept as the chunks are stored (lib/storage/rollups-during-load.ts), from the tally
// the stager counted of each chunk's calls when all of them were stored.

export type StagedChunk = {
  /** COPY text lines (stagedCallLine / stagedRejectedLine), as UTF-8; the stager reuses them once load() resolves again. */
  bytes: Buffer;
  /** Lines in it, and the row number of the first (row numbers only grow from chunk to chunk). */
  rows: number;
  firstRowNumber: number;
  rejected: number;
  /** Later rows of leg groups seen before (leg_repeat). */
  legRepeats: number;
  /** The months the chunk's calls happened in, for partitions. */
  periods: TouchedPeriods;
  /** The rollups' measures of its calls, leg repeats included. */
  tally: CallTally;
};

export type MergeResult = { imported: number; duplicates: number; mergedLegs: number; rejected: number };


export type CallLoader = {
  /** Waits for the previous chunk to be stored, then starts storing this one and returns. */
  load(chunk: StagedChunk): Promise<void>;
  /** Waits for the last chunk, settles repeated leg groups, and counts. */
  finish(staged: { rows: number; rejected: number }): Promise<MergeResult>;
  /** Then writes the rollups of the days not written yet. */
  finishRollups(): Promise<void>;
};

type Scope = { orgId: string; uploadId: string; countryCode: string; timeZone: string };

/**
 * Every chunk is COPied into this one temporary table, kept whole until the commit (settling leg
 * groups reads it all). A table per chunk would hold a lock each until the commit, and a large
 * upload would exhaust PostgreSQL's lock table.
 */
const STAGED_ROWS = "staged_rows";
const SKIP_DUPLICATES = "ON CONFLICT (org_id, started_at, fingerprint) DO NOTHING";
const UNIQUE_VIOLATION = "23505";
const columns = CALL_COLUMNS.map((name) => `"${name}"`).join(", ");

export async function createCallLoader(client: pg.PoolClient, pool: pg.Pool, scope: Scope, options: { maxHeldDestinations?: number } = {}): Promise<CallLoader> {
  const rollups = await startRollupsDuringLoad(client, scope, options);
  await client.query(createStagingTableSql(STAGED_ROWS));
  /** The staging table's page on which the last chunk ended. */
  let nextPage = 0;
  const ensuredMonths = new Set<number>();
  let settledDays: string[] = [];
  const params = [scope.orgId, scope.uploadId, scope.countryCode, callingCodeOf(scope.countryCode)];
  let inFlight: Promise<void> = Promise.resolve();
  let mayCollide = false;
  let inserted = 0;
  let legRepeats = 0;

  /** Stores the calls `select` names (call columns): plainly while nothing collided, else skipping duplicates. */
  async function insertCalls(select: string): Promise<number> {
    const insert = async (onConflict: string) => {
      const result = await client.query(
        `INSERT INTO call_records (org_id, upload_id, ${columns}, is_fraud_relevant)
         SELECT $1, $2, ${columns}, ${markedFraudRelevantSql("calls", "$3", "$4")} FROM (${select}) calls ${onConflict}`,
        params,
      );
      return result.rowCount ?? 0;
    };
    // Checking every row for a conflict costs about 40% more than inserting it: until a chunk meets
    // a call already stored, chunks are inserted plainly in a savepoint and redone on a collision.
    if (mayCollide) return insert(SKIP_DUPLICATES);
    await client.query("SAVEPOINT insert_calls");
    try {
      const stored = await insert("");
      await client.query("RELEASE SAVEPOINT insert_calls");
      return stored;
    } catch (error) {
      if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
      await client.query("ROLLBACK TO SAVEPOINT insert_calls");
      mayCollide = true;
      return insert(SKIP_DUPLICATES);
    }
  }

  async function store(chunk: StagedChunk): Promise<void> {
    const newMonths = chunk.periods.monthStarts().filter((month) => !ensuredMonths.has(month.getTime()));
    if (newMonths.length > 0) {
      await ensureMonthPartitions(pool, newMonths);
      for (const month of newMonths) ensuredMonths.add(month.getTime());
    }
    const copied = await copyChunk(client, chunk, nextPage);
    nextPage = copied.lastPage;
    const ofChunk = `FROM ${STAGED_ROWS} s WHERE ${copied.condition}`;
    await rollups.beforeChunk(chunk.tally);
    const stored = await insertCalls(`SELECT ${columns} ${ofChunk} AND kind = 'call' AND NOT leg_repeat`);
    inserted += stored;
    await rollups.afterChunk(chunk.tally, stored === chunk.tally.calls - chunk.legRepeats);
    if (chunk.rejected > 0) {
      await client.query(
        `INSERT INTO rejected_rows (org_id, upload_id, row_number, reason_code, detail, raw_line)
         SELECT $1, $2, row_number, reason_code, detail, raw_line ${ofChunk} AND kind = 'rejected' ORDER BY row_number`,
        [scope.orgId, scope.uploadId],
      );
    }
    legRepeats += chunk.legRepeats;
  }

  return {
    async load(chunk) {
      await inFlight;
      inFlight = store(chunk);
      inFlight.catch(() => {}); // awaited by the next load or finish; this only keeps it from going unhandled
    },
    async finish(staged) {
      await inFlight;
      const legs = legRepeats > 0
        ? await settleRepeatedLegGroups(client, [...params, scope.timeZone], insertCalls)
        : { mergedLegs: 0, imported: 0, settledDays: [] };
      // Settling changed stored calls behind the per-destination table's back: their days are recounted.
      settledDays = legs.settledDays;
      const imported = inserted + legs.imported;
      const calls = staged.rows - staged.rejected;
      return { imported, duplicates: calls - legs.mergedLegs - imported, mergedLegs: legs.mergedLegs, rejected: staged.rejected };
    },
    finishRollups: () => rollups.finish(settledDays),
  };
}

/**
 * Each leg group with a later row: its legs are compared, the first row (stored when its chunk
 * was) is taken out again, and the representative stored. A call that the first row's removal
 * unblocks (another row with the same fingerprint, counted a duplicate of it) is stored too.
 * Returns the merged legs, the change in stored calls, and the local days of the groups' legs.
 * `params` are the organization, upload, country, calling code and time zone.
 */
async function settleRepeatedLegGroups(
  client: pg.PoolClient,
  params: string[],
  insertCalls: (select: string) => Promise<number>,
): Promise<{ mergedLegs: number; imported: number; settledDays: string[] }> {
  await client.query(
    `CREATE TEMP TABLE repeated_leg_groups ON COMMIT DROP AS
     SELECT DISTINCT leg_group FROM ${STAGED_ROWS} s WHERE s.kind = 'call' AND s.leg_repeat`,
  );
  await client.query(
    `CREATE TEMP TABLE repeated_legs ON COMMIT DROP AS
     SELECT s.* FROM ${STAGED_ROWS} s JOIN repeated_leg_groups g ON g.leg_group = s.leg_group WHERE s.kind = 'call'`,
  );
  const counted = await client.query<{ mergedLegs: number; groups: number }>(
    `SELECT (count(*) - count(DISTINCT leg_group))::int AS "mergedLegs", count(DISTINCT leg_group)::int AS groups FROM repeated_legs`,
  );
  await client.query("CREATE TEMP TABLE taken_out_legs (started_at timestamptz, fingerprint bytea) ON COMMIT DROP");
  const takenOut = await client.query(
    `WITH taken_out AS (
       DELETE FROM call_records c USING repeated_legs l
        WHERE NOT l.leg_repeat AND c.org_id = $1 AND c.upload_id = $2 AND c.started_at = l.started_at AND c.fingerprint = l.fingerprint
        RETURNING c.started_at, c.fingerprint
     )
     INSERT INTO taken_out_legs SELECT started_at, fingerprint FROM taken_out`,
    params.slice(0, 2),
  );
  const representatives = await insertCalls(
    `SELECT DISTINCT ON (l.leg_group) ${prefixed("l", CALL_COLUMNS)} FROM repeated_legs l
      ORDER BY l.leg_group, (l.disposition = 'answered') DESC, (l.destination_number_type <> 'extension') DESC,
               l.billable_seconds DESC, l.row_number`,
  );
  const taken = takenOut.rowCount ?? 0;
  const unblocked = taken === 0 ? 0 : await insertCalls(
    `SELECT ${prefixed("s", CALL_COLUMNS)} FROM ${STAGED_ROWS} s
       JOIN taken_out_legs t ON t.started_at = s.started_at AND t.fingerprint = s.fingerprint
      WHERE s.kind = 'call' AND NOT s.leg_repeat
        AND NOT EXISTS (SELECT 1 FROM repeated_leg_groups g WHERE g.leg_group = s.leg_group)`,
  );
  // Every call taken out, stored or unblocked here is on a day of these legs, and their chunks
  // tallied every leg: a group with several overcounted its call. A group of one leg (taken as
  // repeated by the leg-group filter's mistake) was counted right if it was stored.
  const { mergedLegs, groups } = counted.rows[0];
  const settledDays = await client.query<{ day: string }>(
    `SELECT DISTINCT to_char((started_at AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS day FROM repeated_legs
      WHERE $2 OR leg_group IN (SELECT leg_group FROM repeated_legs GROUP BY leg_group HAVING count(*) > 1)`,
    [params[4], representatives < groups],
  );
  return { mergedLegs, imported: representatives + unblocked - taken, settledDays: settledDays.rows.map((row) => row.day) };
}

/**
 * COPies a chunk to the end of the staging table and returns the SQL condition selecting its rows
 * (alias s), and the page its last row is on. COPY into a table created in this transaction only
 * appends (it skips the free-space map), so the chunk starts on the page where the one before
 * ended, or later: a scan from that page (a TID range scan) finds it without reading earlier
 * chunks. Should the count disagree, the chunk is found by its row numbers alone.
 */
async function copyChunk(client: pg.PoolClient, chunk: StagedChunk, fromPage: number): Promise<{ condition: string; lastPage: number }> {
  const copy = client.query(copyFrom(copyIntoStagingSql(STAGED_ROWS)));
  copy.end(chunk.bytes);
  await finished(copy);
  const byRowNumber = `s.row_number >= ${chunk.firstRowNumber}`;
  const byPages = `s.ctid >= '(${fromPage},0)'::tid AND ${byRowNumber}`;
  const found = await client.query<{ rows: number; lastTid: string | null }>(
    `SELECT count(*)::int AS rows, max(s.ctid)::text AS "lastTid" FROM ${STAGED_ROWS} s WHERE ${byPages}`,
  );
  const { rows, lastTid } = found.rows[0];
  const lastPage = lastTid ? Number(/^\((\d+),/.exec(lastTid)?.[1] ?? fromPage) : fromPage;
  return rows === chunk.rows ? { condition: byPages, lastPage } : { condition: byRowNumber, lastPage: fromPage };
}

function prefixed(alias: string, names: readonly string[]): string {
  return names.map((name) => `${alias}."${name}"`).join(", ");
}
