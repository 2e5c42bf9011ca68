import "server-only";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { CALL_RECORD_COLUMNS, columnList, copyBinarySql, LEG_ROW_COLUMNS, REJECTED_ROW_COLUMNS } from "@/lib/storage/call-record-columns";
import { ensureMonthPartitions } from "@/lib/storage/ensure-month-partitions";
import { startRollupsDuringLoad } from "@/lib/storage/rollups-during-load";
import type { CallTally } from "@/lib/ingest/call-tally";
import type { TouchedPeriods } from "@/lib/ingest/touched-periods";

// Loads an upload into call_records and rejected_rows inside the caller's transaction, one chunk
// of rows at a time, while the stager goes on reading the file, so PostgreSQL's work overlaps the
// parsing. Rows arrive as binary COPY data (lib/storage/call-record-columns.ts).
//
// A call whose fingerprint the organization already has (the same file again, an overlapping
// export, a row repeated in the file) is a duplicate and adds nothing. Until a chunk meets one,
// chunks are COPied straight into call_records (in a savepoint); from the first collision on,
// chunks go through a staging table and are merged skipping duplicates. COPY writes a page of
// rows at a time, where INSERT … SELECT writes each row on its own: the straight path costs
// PostgreSQL less than half.
//
// Rows sharing a leg group are one call, represented by its answered, external, longest leg (the
// others count as merged legs): the first row of each group is stored at once; later rows of a
// group (marked by the stager) wait in a table of their own, and at the end each such group's legs
// are compared and its representative stored in place of the first row. Which rows belong to
// which group is kept in a narrow table of row numbers and leg groups.
//
// Rollups are kept as the chunks are stored (lib/storage/rollups-during-load.ts), from the tally
// the stager counted of each chunk's calls when all of them were stored.

/** Binary COPY data of one chunk; the stager writes into the buffers again once load() resolves again. */
export type ChunkCopies = { calls: Buffer; legRepeats: Buffer; legs: Buffer; rejected: Buffer };

export type StagedChunk = {
  copies: ChunkCopies;
  /** Rows in it (calls, leg repeats and rejected rows), and the row number of the first (row numbers only grow from chunk to chunk). */
  rows: number;
  firstRowNumber: number;
  /** Calls to store now: not later legs of a group seen before. */
  calls: number;
  rejected: number;
  /** Later rows of leg groups seen before. */
  legRepeats: number;
  /** Rows with a leg group (in copies.legs). */
  legRows: number;
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
  finish(staged: { rows: number; rejected: number; firstCallAt: Date | null; lastCallAt: Date | null }): Promise<MergeResult>;
  /** Then writes the rollups of the days not written yet. */
  finishRollups(): Promise<void>;
};

type Scope = { orgId: string; uploadId: string; timeZone: string };

/**
 * Temporary tables, each kept whole until the commit (settling leg groups reads them all). A
 * table per chunk would hold a lock each until the commit, and a large upload would exhaust
 * PostgreSQL's lock table.
 */
const STAGED_CALLS = "staged_calls";
const LEG_REPEATS = "staged_leg_repeats";
const LEG_ROWS = "staged_leg_rows";
const SKIP_DUPLICATES = "ON CONFLICT (org_id, started_at, fingerprint) DO NOTHING";
const UNIQUE_VIOLATION = "23505";
const columns = columnList(CALL_RECORD_COLUMNS);

export async function createCallLoader(client: pg.PoolClient, pool: pg.Pool, scope: Scope, options: { maxHeldDestinations?: number } = {}): Promise<CallLoader> {
  const rollups = await startRollupsDuringLoad(client, scope, options);
  await client.query(
    `CREATE TEMP TABLE ${STAGED_CALLS} (LIKE call_records) ON COMMIT DROP;
     CREATE TEMP TABLE ${LEG_REPEATS} (LIKE call_records) ON COMMIT DROP;
     CREATE TEMP TABLE ${LEG_ROWS} (row_number integer NOT NULL, leg_group text NOT NULL) ON COMMIT DROP`,
  );
  /** The page of staged_calls on which the last chunk staged there ended. */
  let nextPage = 0;
  const ensuredMonths = new Set<number>();
  let settledDays: string[] = [];
  let inFlight: Promise<void> = Promise.resolve();
  let mayCollide = false;
  let inserted = 0;
  let legRepeats = 0;

  /** Stores the calls `select` names (call_records columns): plainly while nothing collided, else skipping duplicates. */
  async function insertCalls(select: string): Promise<number> {
    const insert = async (onConflict: string) => {
      const result = await client.query(`INSERT INTO call_records (${columns}) SELECT ${columns} FROM (${select}) calls ${onConflict}`);
      return result.rowCount ?? 0;
    };
    if (mayCollide) return insert(SKIP_DUPLICATES);
    return inSavepoint(() => insert(""), () => insert(SKIP_DUPLICATES));
  }

  /**
   * Runs `plainly`, which fails on a unique violation when a call is already stored; then, and from
   * then on, the work is redone with `skippingDuplicates` (checking every row for a conflict costs
   * more than storing it).
   */
  async function inSavepoint(plainly: () => Promise<number>, skippingDuplicates: () => Promise<number>): Promise<number> {
    await client.query("SAVEPOINT store_calls");
    try {
      const stored = await plainly();
      await client.query("RELEASE SAVEPOINT store_calls");
      return stored;
    } catch (error) {
      if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
      await client.query("ROLLBACK TO SAVEPOINT store_calls");
      mayCollide = true;
      return skippingDuplicates();
    }
  }

  async function storeCalls(chunk: StagedChunk): Promise<number> {
    if (chunk.calls === 0) return 0;
    const merged = async () => {
      const staged = await copyChunk(client, chunk, nextPage);
      nextPage = staged.lastPage;
      const result = await client.query(`INSERT INTO call_records (${columns}) SELECT ${columns} FROM ${STAGED_CALLS} s WHERE ${staged.condition} ${SKIP_DUPLICATES}`);
      return result.rowCount ?? 0;
    };
    if (mayCollide) return merged();
    return inSavepoint(async () => {
      const copied = await copyInto(client, copyBinarySql("call_records", CALL_RECORD_COLUMNS), chunk.copies.calls);
      if (copied !== chunk.calls) throw new Error(`COPY stored ${copied} calls of a chunk of ${chunk.calls}.`);
      return copied;
    }, merged);
  }

  async function store(chunk: StagedChunk): Promise<void> {
    const newMonths = chunk.periods.monthStarts().filter((month) => !ensuredMonths.has(month.getTime()));
    if (newMonths.length > 0) {
      await ensureMonthPartitions(pool, newMonths);
      for (const month of newMonths) ensuredMonths.add(month.getTime());
    }
    await rollups.beforeChunk(chunk.tally);
    const stored = await storeCalls(chunk);
    inserted += stored;
    await rollups.afterChunk(chunk.tally, stored === chunk.tally.calls - chunk.legRepeats);
    if (chunk.legRepeats > 0) await copyInto(client, copyBinarySql(LEG_REPEATS, CALL_RECORD_COLUMNS), chunk.copies.legRepeats);
    if (chunk.legRows > 0) await copyInto(client, copyBinarySql(LEG_ROWS, LEG_ROW_COLUMNS), chunk.copies.legs);
    if (chunk.rejected > 0) await copyInto(client, copyBinarySql("rejected_rows", REJECTED_ROW_COLUMNS), chunk.copies.rejected);
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
      const legs = legRepeats > 0 && staged.firstCallAt && staged.lastCallAt
        ? await settleRepeatedLegGroups(client, { ...scope, firstCallAt: staged.firstCallAt, lastCallAt: staged.lastCallAt }, insertCalls)
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
 * Each leg group with a later row: its legs are gathered (later rows from their table, first rows
 * from staging or, stored straight, from call_records), the first row is taken out of call_records
 * again, and the representative stored. A call that the first row's removal unblocks (another row
 * with the same fingerprint, counted a duplicate of it) is stored too. Returns the merged legs, the
 * change in stored calls, and the local days of the groups' legs.
 */
async function settleRepeatedLegGroups(
  client: pg.PoolClient,
  scope: Scope & { firstCallAt: Date; lastCallAt: Date },
  insertCalls: (select: string) => Promise<number>,
): Promise<{ mergedLegs: number; imported: number; settledDays: string[] }> {
  const ours = [scope.orgId, scope.uploadId];
  await client.query(
    `CREATE TEMP TABLE repeated_leg_groups ON COMMIT DROP AS
     SELECT DISTINCT l.leg_group FROM ${LEG_ROWS} l JOIN ${LEG_REPEATS} r ON r.row_number = l.row_number`,
  );
  await client.query(
    `CREATE TEMP TABLE group_legs ON COMMIT DROP AS
     SELECT l.row_number, l.leg_group FROM ${LEG_ROWS} l JOIN repeated_leg_groups g ON g.leg_group = l.leg_group;
     ANALYZE group_legs`,
  );
  await client.query(
    `CREATE TEMP TABLE repeated_legs ON COMMIT DROP AS
     SELECT g.leg_group, true AS leg_repeat, ${columnList(CALL_RECORD_COLUMNS, "r")}
       FROM ${LEG_REPEATS} r JOIN group_legs g ON g.row_number = r.row_number
     UNION ALL
     SELECT g.leg_group, false, ${columnList(CALL_RECORD_COLUMNS, "s")}
       FROM ${STAGED_CALLS} s JOIN group_legs g ON g.row_number = s.row_number`,
  );
  // First rows stored straight (never staged) are read back from the upload's stretch of call_records.
  await client.query(
    `INSERT INTO repeated_legs
     SELECT g.leg_group, false, ${columnList(CALL_RECORD_COLUMNS, "c")}
       FROM call_records c JOIN group_legs g ON g.row_number = c.row_number
      WHERE c.org_id = $1 AND c.upload_id = $2 AND c.started_at >= $3 AND c.started_at <= $4
        AND NOT EXISTS (SELECT 1 FROM repeated_legs l WHERE l.row_number = c.row_number)`,
    [...ours, scope.firstCallAt, scope.lastCallAt],
  );
  const counted = await client.query<{ mergedLegs: number; groups: number }>(
    `SELECT (count(*) - count(DISTINCT leg_group))::int AS "mergedLegs", count(DISTINCT leg_group)::int AS groups FROM repeated_legs`,
  );
  await client.query("CREATE TEMP TABLE taken_out_legs (started_at timestamptz, fingerprint bytea) ON COMMIT DROP");
  const takenOut = await client.query(
    `WITH taken_out AS (
       DELETE FROM call_records c USING repeated_legs l
        WHERE NOT l.leg_repeat AND c.org_id = $1 AND c.upload_id = $2 AND c.started_at = l.started_at AND c.fingerprint = l.fingerprint
          AND c.row_number = l.row_number
        RETURNING c.started_at, c.fingerprint
     )
     INSERT INTO taken_out_legs SELECT started_at, fingerprint FROM taken_out`,
    ours,
  );
  const representatives = await insertCalls(
    `SELECT DISTINCT ON (l.leg_group) ${columnList(CALL_RECORD_COLUMNS, "l")} FROM repeated_legs l
      ORDER BY l.leg_group, (l.disposition = 'answered') DESC, (l.destination_number_type <> 'extension') DESC,
               l.billable_seconds DESC, l.row_number`,
  );
  const taken = takenOut.rowCount ?? 0;
  // A row blocked by a taken-out leg collided with it, so its chunk was staged.
  const unblocked = taken === 0 ? 0 : await insertCalls(
    `SELECT ${columnList(CALL_RECORD_COLUMNS, "s")} FROM ${STAGED_CALLS} s
       JOIN taken_out_legs t ON t.started_at = s.started_at AND t.fingerprint = s.fingerprint
      WHERE NOT EXISTS (SELECT 1 FROM group_legs g WHERE g.row_number = s.row_number)`,
  );
  // Every call taken out, stored or unblocked here is on a day of these legs, and their chunks
  // tallied every leg: a group with several overcounted its call. A group of one leg (taken as
  // repeated by the leg-group filter's mistake) was counted right if it was stored.
  const { mergedLegs, groups } = counted.rows[0];
  const settledDays = await client.query<{ day: string }>(
    `SELECT DISTINCT to_char((started_at AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS day FROM repeated_legs
      WHERE $2 OR leg_group IN (SELECT leg_group FROM repeated_legs GROUP BY leg_group HAVING count(*) > 1)`,
    [scope.timeZone, representatives < groups],
  );
  return { mergedLegs, imported: representatives + unblocked - taken, settledDays: settledDays.rows.map((row) => row.day) };
}

/** COPies binary data into a table; returns the rows the server took. */
async function copyInto(client: pg.PoolClient, sql: string, data: Buffer): Promise<number> {
  const copy = client.query(copyFrom(sql));
  copy.end(data);
  await finished(copy);
  return copy.rowCount;
}

/**
 * COPies a chunk to the end of the staging table and returns the SQL condition selecting its rows
 * (alias s), and the page its last row is on. COPY into a table created in this transaction only
 * appends (it skips the free-space map), so the chunk starts on the page where the one before
 * ended, or later: a scan from that page (a TID range scan) finds it without reading earlier
 * chunks. Should the count disagree, the chunk is found by its row numbers alone.
 */
async function copyChunk(client: pg.PoolClient, chunk: StagedChunk, fromPage: number): Promise<{ condition: string; lastPage: number }> {
  await copyInto(client, copyBinarySql(STAGED_CALLS, CALL_RECORD_COLUMNS), chunk.copies.calls);
  const byRowNumber = `s.row_number >= ${chunk.firstRowNumber}`;
  const byPages = `s.ctid >= '(${fromPage},0)'::tid AND ${byRowNumber}`;
  const found = await client.query<{ rows: number; lastTid: string | null }>(
    `SELECT count(*)::int AS rows, max(s.ctid)::text AS "lastTid" FROM ${STAGED_CALLS} s WHERE ${byPages}`,
  );
  const { rows, lastTid } = found.rows[0];
  const lastPage = lastTid ? Number(/^\((\d+),/.exec(lastTid)?.[1] ?? fromPage) : fromPage;
  return rows === chunk.calls ? { condition: byPages, lastPage } : { condition: byRowNumber, lastPage: fromPage };
}
