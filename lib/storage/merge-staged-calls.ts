import "server-only";
import type pg from "pg";
import { CALL_COLUMNS, STAGING_TABLE } from "@/lib/storage/call-record-columns";

// Moves the staged upload into call_records and rejected_rows inside the caller's transaction.
// Rows sharing a leg group are one call, represented by its answered, external, longest leg
// (the others count as merged legs). A call whose fingerprint the organization already has (same
// file again, or an overlapping export) is a duplicate and adds nothing.

export type MergeResult = { imported: number; duplicates: number; mergedLegs: number; rejected: number };

export async function stagedMonthStarts(client: pg.PoolClient): Promise<Date[]> {
  const result = await client.query<{ month_start: Date }>(
    `SELECT DISTINCT date_trunc('month', started_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS month_start
       FROM ${STAGING_TABLE} WHERE kind = 'call' ORDER BY 1`,
  );
  return result.rows.map((row) => row.month_start);
}

export async function mergeStagedCalls(
  client: pg.PoolClient,
  scope: { orgId: string; uploadId: string },
): Promise<MergeResult> {
  const columns = CALL_COLUMNS.map((name) => `"${name}"`).join(", ");
  const staged = await client.query<{ calls: number; legs: number; legGroups: number; rejected: number }>(
    `SELECT count(*) FILTER (WHERE kind = 'call')::int AS calls,
            count(*) FILTER (WHERE kind = 'call' AND leg_group IS NOT NULL)::int AS legs,
            count(DISTINCT leg_group) FILTER (WHERE kind = 'call')::int AS "legGroups",
            count(*) FILTER (WHERE kind = 'rejected')::int AS rejected
       FROM ${STAGING_TABLE}`,
  );
  const inserted = await client.query(
    `WITH representatives AS (
       SELECT DISTINCT ON (leg_group) ${columns} FROM ${STAGING_TABLE}
        WHERE kind = 'call' AND leg_group IS NOT NULL
        ORDER BY leg_group, (disposition = 'answered') DESC, (destination_number_type <> 'extension') DESC,
                 billable_seconds DESC, row_number
     )
     INSERT INTO call_records (org_id, upload_id, ${columns})
     SELECT $1, $2, ${columns} FROM (
       SELECT ${columns} FROM ${STAGING_TABLE} WHERE kind = 'call' AND leg_group IS NULL
       UNION ALL
       SELECT ${columns} FROM representatives
     ) calls
     ON CONFLICT (org_id, started_at, fingerprint) DO NOTHING`,
    [scope.orgId, scope.uploadId],
  );
  await client.query(
    `INSERT INTO rejected_rows (org_id, upload_id, row_number, reason_code, detail, raw_line)
     SELECT $1, $2, row_number, reason_code, detail, raw_line FROM ${STAGING_TABLE}
      WHERE kind = 'rejected' ORDER BY row_number`,
    [scope.orgId, scope.uploadId],
  );
  const imported = inserted.rowCount ?? 0;
  const { calls, legs, legGroups, rejected } = staged.rows[0];
  const mergedLegs = legs - legGroups;
  return { imported, duplicates: calls - mergedLegs - imported, mergedLegs, rejected };
}
