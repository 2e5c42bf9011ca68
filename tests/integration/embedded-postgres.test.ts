import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

// The embedded default keeps its data between runs, and a second process (the CLI while the
// app runs) uses the running server instead of fighting over the data folder.

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "tollwatch-embedded-"));
  await fs.chmod(root, 0o755);
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

async function run(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

test("data written before a stop is there after the next start", async () => {
  const clusterDir = path.join(root, "cluster");
  const first = await startEmbeddedPostgres({ clusterDir, preferredPort: 0 });
  await run(first.databaseUrl, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
  await first.stop();

  const second = await startEmbeddedPostgres({ clusterDir, preferredPort: 0 });
  try {
    expect(await run(second.databaseUrl, "SELECT value FROM kept")).toEqual([{ value: "still here" }]);
    const password = (await fs.readFile(path.join(root, "cluster.password"), "utf8")).trim();
    expect(password.length).toBeGreaterThanOrEqual(24);
    expect((await fs.stat(path.join(root, "cluster.password"))).mode & 0o077).toBe(0);

    const borrowed = await startEmbeddedPostgres({ clusterDir, preferredPort: 0, whenRunning: "borrow" });
    expect(borrowed.port).toBe(second.port);
    await borrowed.stop(); // borrowing never stops the owner's server
    expect(await run(second.databaseUrl, "SELECT count(*)::int AS n FROM kept")).toEqual([{ n: 1 }]);
  } finally {
    await second.stop();
  }
});
