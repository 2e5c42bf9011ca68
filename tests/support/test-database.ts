import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPgPool } from "@/lib/db/pg-pool";
import { createPrismaClient } from "@/lib/db/prisma";
import type { Database } from "@/lib/db/org-context";

// Each integration test file works in its own database, copied from the migrated template.

export const TEMPLATE_DATABASE = "tollwatch_test_template";

export type TestDatabase = Database & { url: string; name: string; drop(): Promise<void> };

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createEmptyDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  return createDatabase(null);
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const created = await createDatabase(TEMPLATE_DATABASE);
  const prisma = createPrismaClient(created.url);
  const pool = createPgPool(created.url);
  return {
    ...created,
    prisma,
    pool,
    async drop() {
      await prisma.$disconnect();
      await pool.end();
      await created.drop();
    },
  };
}

async function createDatabase(template: string | null) {
  const serverUrl = inject("testServerUrl");
  const name = `tollwatch_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  return {
    url: databaseUrl(serverUrl, name),
    name,
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
