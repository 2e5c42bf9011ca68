import "server-only";
import type pg from "pg";

// call_records is range-partitioned by month (UTC). Partitions are made as a load meets new months,
// on their own short transaction, while the load's transaction is inserting into other months:
// CREATE TABLE … PARTITION OF would wait for that transaction (it locks the parent table
// exclusively), so the month's table is created alone and then attached, which takes a lock
// that inserts do not hold back. The attach builds the parent's indexes on it.

const PARTITION_LOCK_KEY = 72707370;

/** Partition name for the month starting at `monthStart` (UTC): call_records_y2026m03. */
export function partitionName(monthStart: Date): string {
  const month = String(monthStart.getUTCMonth() + 1).padStart(2, "0");
  return `call_records_y${monthStart.getUTCFullYear()}m${month}`;
}

export async function ensureMonthPartitions(pool: pg.Pool, monthStarts: Date[]): Promise<void> {
  if (monthStarts.length === 0) return;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [PARTITION_LOCK_KEY]);
    const existing = await client.query<{ name: string }>(
      `SELECT child.relname AS name FROM pg_inherits
         JOIN pg_class child ON child.oid = pg_inherits.inhrelid
         JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
        WHERE parent.relname = 'call_records'`,
    );
    const existingNames = new Set(existing.rows.map((row) => row.name));
    for (const monthStart of monthStarts) {
      const name = partitionName(monthStart);
      if (existingNames.has(name)) continue;
      const next = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 1));
      // Identifiers come from partitionName (digits only); bounds are ISO instants we formatted.
      await client.query(`CREATE TABLE "${name}" (LIKE call_records INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
      await client.query(
        `ALTER TABLE call_records ATTACH PARTITION "${name}" FOR VALUES FROM ('${monthStart.toISOString()}') TO ('${next.toISOString()}')`,
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
