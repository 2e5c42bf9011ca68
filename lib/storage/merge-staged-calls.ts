import "server-only";
import type pg from "pg";
import { CALL_COLUMNS, STAGING_TABLE } from "@/lib/storage/call-record-columns";
import { callingCodeOf, markedFraudRelevantSql } from "@/lib/storage/fraud-relevance";

// Moves the staged upload into call_records and rejected_rows inside the caller's transaction.
// Rows sharing a leg group are one call, represented by its answered, external, longest leg
// (the others count as merged legs). A call whose fingerprint the organization already has (same
// file again, or an overlapping export) is a duplicate and adds nothing.

export type MergeResult = { imported: number; duplicates: number; mergedLegs: number; rejected: number };

/** What the stager counted while writing the staging table, so the merge need not scan it for them. */
export type StagedCounts = { rows: number; rejected: number; firstCallAt: Date | null; lastCallAt: Date | null };

export async function mergeStagedCalls(
  client: pg.PoolClient,
  scope: { orgId: string; uploadId: string; countryCode: string },
  staged: StagedCounts,
): Promise<MergeResult> {
  const columns = CALL_COLUMNS.map((name) => `"${name}"`).join(", ");
  // Only groups with several rows need choosing; hashing finds them without sorting every row.
  await client.query(`DROP TABLE IF EXISTS ${MULTI_LEG_GROUPS}`);
  await client.query(
    `CREATE TEMP TABLE ${MULTI_LEG_GROUPS} ON COMMIT DROP AS
     SELECT leg_group, count(*)::int AS legs FROM ${STAGING_TABLE}
      WHERE kind = 'call' AND leg_group IS NOT NULL GROUP BY leg_group HAVING count(*) > 1`,
  );
  const legs = await client.query<{ mergedLegs: number }>(
    `SELECT coalesce(sum(legs - 1), 0)::int AS "mergedLegs" FROM ${MULTI_LEG_GROUPS}`,
  );
  const insertCalls = (onConflict: string) => client.query(
    `WITH representatives AS (
       SELECT DISTINCT ON (s.leg_group) ${prefixed("s", CALL_COLUMNS)} FROM ${STAGING_TABLE} s
         JOIN ${MULTI_LEG_GROUPS} m ON m.leg_group = s.leg_group
        WHERE s.kind = 'call'
        ORDER BY s.leg_group, (s.disposition = 'answered') DESC, (s.destination_number_type <> 'extension') DESC,
                 s.billable_seconds DESC, s.row_number
     )
     INSERT INTO call_records (org_id, upload_id, ${columns}, is_fraud_relevant)
     SELECT $1, $2, ${columns}, ${markedFraudRelevantSql("calls", "$3", "$4")} FROM (
       SELECT ${prefixed("s", CALL_COLUMNS)} FROM ${STAGING_TABLE} s
        WHERE s.kind = 'call'
          AND (s.leg_group IS NULL OR NOT EXISTS (SELECT 1 FROM ${MULTI_LEG_GROUPS} m WHERE m.leg_group = s.leg_group))
       UNION ALL
       SELECT ${columns} FROM representatives
     ) calls
     ${onConflict}`,
    [scope.orgId, scope.uploadId, scope.countryCode, callingCodeOf(scope.countryCode)],
  );
  const inserted = await insertSkippingDuplicates(client, insertCalls, await hasCallsWithin(client, scope.orgId, staged));
  // Each scan of a million staged rows costs about half a second: none for rejected rows when there are none.
  if (staged.rejected > 0) {
    await client.query(
      `INSERT INTO rejected_rows (org_id, upload_id, row_number, reason_code, detail, raw_line)
       SELECT $1, $2, row_number, reason_code, detail, raw_line FROM ${STAGING_TABLE}
        WHERE kind = 'rejected' ORDER BY row_number`,
      [scope.orgId, scope.uploadId],
    );
  }
  const imported = inserted.rowCount ?? 0;
  const calls = staged.rows - staged.rejected;
  const { mergedLegs } = legs.rows[0];
  return { imported, duplicates: calls - mergedLegs - imported, mergedLegs, rejected: staged.rejected };
}

const MULTI_LEG_GROUPS = "multi_leg_groups";
const SKIP_DUPLICATES = "ON CONFLICT (org_id, started_at, fingerprint) DO NOTHING";
const UNIQUE_VIOLATION = "23505";

/**
 * A call already stored is skipped (ON CONFLICT DO NOTHING), but checking every row for a conflict
 * costs about 40% more than inserting it. When the organization has no call in the upload's time
 * span, the calls are inserted plainly in a savepoint; should one still collide (a row repeated in
 * the file, another upload of the same calls at the same moment), the insert is redone skipping them.
 */
async function insertSkippingDuplicates(
  client: pg.PoolClient,
  insertCalls: (onConflict: string) => Promise<pg.QueryResult>,
  mayCollide: boolean,
): Promise<pg.QueryResult> {
  if (mayCollide) return insertCalls(SKIP_DUPLICATES);
  await client.query("SAVEPOINT insert_calls");
  try {
    const inserted = await insertCalls("");
    await client.query("RELEASE SAVEPOINT insert_calls");
    return inserted;
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    await client.query("ROLLBACK TO SAVEPOINT insert_calls");
    return insertCalls(SKIP_DUPLICATES);
  }
}

async function hasCallsWithin(client: pg.PoolClient, orgId: string, span: Pick<StagedCounts, "firstCallAt" | "lastCallAt">): Promise<boolean> {
  if (!span.firstCallAt || !span.lastCallAt) return false;
  const result = await client.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM call_records WHERE org_id = $1 AND started_at BETWEEN $2 AND $3) AS found`,
    [orgId, span.firstCallAt, span.lastCallAt],
  );
  return result.rows[0].found;
}

function prefixed(alias: string, names: readonly string[]): string {
  return names.map((name) => `${alias}."${name}"`).join(", ");
}
