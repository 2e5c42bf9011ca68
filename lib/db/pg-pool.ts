import "server-only";
import pg from "pg";
import { requireDatabaseUrl } from "@/lib/env";

// A plain pg pool for COPY and heavy SQL, which Prisma does not do (DESIGN.md: COPY, not createMany).
const globalForPool = globalThis as typeof globalThis & { tollwatchPgPool?: pg.Pool };

export function createPgPool(databaseUrl: string): pg.Pool {
  return new pg.Pool({ connectionString: databaseUrl, max: 10 });
}

export function getPgPool(): pg.Pool {
  globalForPool.tollwatchPgPool ??= createPgPool(requireDatabaseUrl());
  return globalForPool.tollwatchPgPool;
}
