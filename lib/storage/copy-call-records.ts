import "server-only";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Writable } from "node:stream";
import { COPY_INTO_STAGING_SQL, CREATE_STAGING_TABLE_SQL } from "@/lib/storage/call-record-columns";

/**
 * Creates the transaction-private staging table and returns the COPY stream into it.
 * Write lines from stagedCallLine / stagedRejectedLine, then end() and await "finish".
 */
export async function openStagingCopy(client: pg.PoolClient): Promise<Writable> {
  await client.query(CREATE_STAGING_TABLE_SQL);
  return client.query(copyFrom(COPY_INTO_STAGING_SQL));
}
