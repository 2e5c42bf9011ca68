import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, expect, test } from "vitest";
import { DEFAULT_MIGRATIONS_DIR, migrateDatabase, MigrationError, readMigrationFiles } from "@/lib/db/migrate";
import { createEmptyDatabase } from "@/tests/support/test-database";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function emptyDatabase() {
  const database = await createEmptyDatabase();
  cleanups.push(database.drop);
  return database.url;
}

/** A private copy of prisma/migrations that a test may change. */
async function copyOfMigrations(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tollwatch-migrations-"));
  await fs.cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

test("records each migration in _prisma_migrations exactly as prisma migrate deploy does", async () => {
  const url = await emptyDatabase();
  const files = await readMigrationFiles();
  const result = await migrateDatabase(url);
  expect(result.applied).toEqual(files.map((file) => file.name));

  const columns = await query<{ column_name: string; data_type: string; is_nullable: string; character_maximum_length: number | null }>(
    url,
    `SELECT column_name, data_type, is_nullable, character_maximum_length FROM information_schema.columns
      WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
  );
  expect(columns).toEqual([
    { column_name: "id", data_type: "character varying", is_nullable: "NO", character_maximum_length: 36 },
    { column_name: "checksum", data_type: "character varying", is_nullable: "NO", character_maximum_length: 64 },
    { column_name: "finished_at", data_type: "timestamp with time zone", is_nullable: "YES", character_maximum_length: null },
    { column_name: "migration_name", data_type: "character varying", is_nullable: "NO", character_maximum_length: 255 },
    { column_name: "logs", data_type: "text", is_nullable: "YES", character_maximum_length: null },
    { column_name: "rolled_back_at", data_type: "timestamp with time zone", is_nullable: "YES", character_maximum_length: null },
    { column_name: "started_at", data_type: "timestamp with time zone", is_nullable: "NO", character_maximum_length: null },
    { column_name: "applied_steps_count", data_type: "integer", is_nullable: "NO", character_maximum_length: null },
  ]);

  const rows = await query<{ id: string; checksum: string; migration_name: string; finished_at: Date | null; applied_steps_count: number; logs: string | null }>(
    url,
    `SELECT id, checksum, migration_name, finished_at, applied_steps_count, logs FROM _prisma_migrations ORDER BY migration_name`,
  );
  for (const [index, file] of files.entries()) {
    const sql = await fs.readFile(path.join(DEFAULT_MIGRATIONS_DIR, file.name, "migration.sql"));
    expect(rows[index]).toMatchObject({
      migration_name: file.name,
      checksum: createHash("sha256").update(sql).digest("hex"),
      applied_steps_count: 1,
      logs: null,
    });
    expect(rows[index].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows[index].finished_at).toBeInstanceOf(Date);
  }
});

test("a second run applies nothing", async () => {
  const url = await emptyDatabase();
  await migrateDatabase(url);
  const again = await migrateDatabase(url);
  expect(again.applied).toEqual([]);
  expect(again.alreadyApplied).toBe((await readMigrationFiles()).length);
});

test("refuses to run when an applied migration was changed, naming it", async () => {
  const url = await emptyDatabase();
  const dir = await copyOfMigrations();
  await migrateDatabase(url, { migrationsDir: dir });
  const [first] = await readMigrationFiles(dir);
  await fs.appendFile(path.join(dir, first.name, "migration.sql"), "\n-- edited after it was applied\n");

  const attempt = migrateDatabase(url, { migrationsDir: dir });
  await expect(attempt).rejects.toThrow(MigrationError);
  await expect(attempt).rejects.toThrow(new RegExp(`Migration ${first.name} was changed after it was applied`));
});

test("a file that differs only in line endings is not a change", async () => {
  const url = await emptyDatabase();
  const dir = await copyOfMigrations();
  await migrateDatabase(url, { migrationsDir: dir });
  const [first] = await readMigrationFiles(dir);
  const file = path.join(dir, first.name, "migration.sql");
  await fs.writeFile(file, (await fs.readFile(file, "utf8")).replace(/\n/g, "\r\n"));
  await expect(migrateDatabase(url, { migrationsDir: dir })).resolves.toMatchObject({ applied: [] });
});

test("a failing migration is rolled back entirely and not recorded", async () => {
  const url = await emptyDatabase();
  const dir = await copyOfMigrations();
  await migrateDatabase(url, { migrationsDir: dir });
  await fs.mkdir(path.join(dir, "29990101000000_broken"));
  await fs.writeFile(
    path.join(dir, "29990101000000_broken", "migration.sql"),
    `CREATE TABLE "half_done" (id int);\nALTER TABLE "no_such_table" ADD COLUMN x int;\n`,
  );

  await expect(migrateDatabase(url, { migrationsDir: dir })).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
  expect(await query(url, `SELECT 1 FROM pg_class WHERE relname = 'half_done'`)).toEqual([]);
  expect(await query(url, `SELECT 1 FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'`)).toEqual([]);
});

test("refuses a database migrated by a newer version", async () => {
  const url = await emptyDatabase();
  await migrateDatabase(url);
  await query(url, `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
                    VALUES ('00000000-0000-0000-0000-000000000001', repeat('0', 64), '29991231000000_from_the_future', now(), 1)`);
  await expect(migrateDatabase(url)).rejects.toThrow(/29991231000000_from_the_future, which is not in prisma\/migrations/);
});

test("refuses to run over a migration Prisma left unfinished", async () => {
  const url = await emptyDatabase();
  await migrateDatabase(url);
  await query(url, `UPDATE _prisma_migrations SET finished_at = NULL`);
  await expect(migrateDatabase(url)).rejects.toThrow(/started but did not finish/);
});

test("two processes migrating at once apply each migration once", async () => {
  const url = await emptyDatabase();
  const [first, second] = await Promise.all([migrateDatabase(url), migrateDatabase(url)]);
  expect([...first.applied, ...second.applied].sort()).toEqual((await readMigrationFiles()).map((file) => file.name));
  const rows = await query<{ count: number }>(url, `SELECT count(*)::int AS count FROM _prisma_migrations`);
  expect(rows[0].count).toBe((await readMigrationFiles()).length);
});
