import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import type { Database } from "@/lib/db/org-context";
import { createPgPool } from "@/lib/db/pg-pool";
import { createPrismaClient } from "@/lib/db/prisma";

// A migrated database of its own for a benchmark: on BENCH_DATABASE_URL's server when set, else on
// an embedded PostgreSQL in the benchmark's work folder. close() disconnects and stops that server.

export type BenchDatabase = { url: string; db: Database; close(): Promise<void> };

export async function openBenchDatabase(work: string, prefix: string): Promise<BenchDatabase> {
  const server = process.env.BENCH_DATABASE_URL
    ? { urlFor: (db: string) => Object.assign(new URL(process.env.BENCH_DATABASE_URL!), { pathname: `/${db}` }).toString(), stop: async () => {} }
    : await startEmbeddedPostgres({ clusterDir: path.join(work, "cluster"), preferredPort: 0 });
  const database = `${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const url = server.urlFor(database);
  await migrateDatabase(url);
  const db = { prisma: createPrismaClient(url), pool: createPgPool(url) };
  return {
    url,
    db,
    async close() {
      await db.prisma.$disconnect();
      await db.pool.end();
      await server.stop();
    },
  };
}
