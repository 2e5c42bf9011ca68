import pg from "pg";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// When PostgreSQL closes an idle connection (a restart, pg_terminate_backend, an administrator),
// the pool drops it and the next query gets a fresh one: the process must not crash on it.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

test("a terminated idle connection is replaced, not raised as an uncaught error", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const { rows } = await db.pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const closed = new Promise<void>((resolve) => db.pool.once("error", () => resolve()));
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  try {
    await admin.query("SELECT pg_terminate_backend($1)", [rows[0].pid]);
  } finally {
    await admin.end();
  }
  await closed;
  const again = await db.pool.query<{ ok: number }>("SELECT 1 AS ok");
  expect(again.rows[0].ok).toBe(1);
  expect(warn).toHaveBeenCalledWith(expect.stringContaining("An idle database connection was closed"));
  warn.mockRestore();
});
