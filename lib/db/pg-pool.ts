import "server-only";
import pg from "pg";
import { requireDatabaseUrl } from "@/lib/env";

// A plain pg pool for COPY and heavy SQL, which Prisma does not do (DESIGN.md: COPY, not createMany).
const globalForPool = globalThis as typeof globalThis & { tollwatchPgPool?: pg.Pool };

export function createPgPool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle connection the server closed (a restart, an administrator) is dropped and replaced on
  // the next query; without a listener, pg would raise it as an uncaught error and stop the process.
  pool.on("error", (error) => console.warn(`[tollwatch] An idle database connection was closed: ${error.message}`));
  return pool;
}

export function getPgPool(): pg.Pool {
  globalForPool.tollwatchPgPool ??= createPgPool(requireDatabaseUrl());
  return globalForPool.tollwatchPgPool;
}
