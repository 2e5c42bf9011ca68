import "server-only";
import type { Database } from "@/lib/db/org-context";
import { createPgPool } from "@/lib/db/pg-pool";
import { createPrismaClient } from "@/lib/db/prisma";

/** Opens Prisma and a pg pool on `databaseUrl` for one piece of work, and closes both after it. */
export async function withDatabase<T>(databaseUrl: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db: Database = { prisma: createPrismaClient(databaseUrl), pool: createPgPool(databaseUrl) };
  try {
    return await work(db);
  } finally {
    await db.prisma.$disconnect();
    await db.pool.end();
  }
}
