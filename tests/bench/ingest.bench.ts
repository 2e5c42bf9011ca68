import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { generateAsteriskMaster } from "@/tests/support/generate-asterisk-master";

// npm run bench:ingest [-- rows]: the same Asterisk Master.csv loaded (a) by psql \copy into a plain
// table and (b) by Tollwatch's full import (parse, normalize, COPY, de-duplicating merge, rollups),
// side by side in one run. Targets (issue 3): ratio ≤ 3, peak RSS ≤ 300 MB, also at 3,000,000 rows.

const rows = Number(process.argv[2] ?? process.env.BENCH_ROWS ?? 1_000_000);
const work = await fs.mkdtemp(path.join(os.tmpdir(), "tollwatch-bench-"));
await fs.chmod(work, 0o755);
const file = path.join(work, "Master.csv");

console.log(`Generating ${rows.toLocaleString("en")} rows…`);
const bytes = await generateAsteriskMaster(file, rows);
await fs.chmod(file, 0o644);

const server = process.env.BENCH_DATABASE_URL
  ? { urlFor: (db: string) => Object.assign(new URL(process.env.BENCH_DATABASE_URL!), { pathname: `/${db}` }).toString(), stop: async () => {} }
  : await startEmbeddedPostgres({ clusterDir: path.join(work, "cluster"), preferredPort: 0 });
const database = `bench_${Date.now()}`;
await query(server.urlFor("postgres"), `CREATE DATABASE ${database}`);
const url = server.urlFor(database);
await migrateDatabase(url);

try {
  const copy = timeCopy(url, file);
  const child = spawnSync(process.execPath, ["--import", "./bin/register-typescript.mjs", "tests/bench/run-import.ts", url, file], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    env: { ...process.env, TZ: "UTC" },
  });
  if (child.status !== 0) throw new Error(`import failed:\n${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { seconds: number; maxRssBytes: number; summary: Record<string, unknown> };
  const ratio = result.seconds / copy.seconds;
  const mb = (value: number) => `${(value / 1024 ** 2).toFixed(0)} MB`;
  console.log(`
rows                     ${rows.toLocaleString("en")} (${mb(bytes)})
(a) ${copy.tool.padEnd(21)}${copy.seconds.toFixed(2)} s
(b) tollwatch import     ${result.seconds.toFixed(2)} s  (${Math.round(rows / result.seconds).toLocaleString("en")} rows/s)
ratio (b)/(a)            ${ratio.toFixed(2)}   target ≤ 3  ${ratio <= 3 ? "OK" : "MISSED"}
peak RSS of (b)          ${mb(result.maxRssBytes)}   target ≤ 300 MB  ${result.maxRssBytes <= 300 * 1024 ** 2 ? "OK" : "MISSED"}
summary                  ${JSON.stringify(result.summary)}`);
} finally {
  await server.stop();
  await fs.rm(work, { recursive: true, force: true });
}

function timeCopy(databaseUrl: string, csv: string): { tool: string; seconds: number } {
  const columns = Array.from({ length: 18 }, (_, index) => `c${index} text`).join(", ");
  const psql = spawnSync("psql", ["--version"]);
  const started = performance.now();
  const result = psql.status === 0
    ? spawnSync("psql", [databaseUrl, "-v", "ON_ERROR_STOP=1", "-q", "-c", `CREATE TABLE raw_master (${columns})`, "-c", `\\copy raw_master FROM '${csv}' WITH (FORMAT csv)`], { encoding: "utf8" })
    : null;
  if (!result || result.status !== 0) throw new Error(`psql \\copy failed: ${result?.stderr ?? "psql not installed"}`);
  return { tool: "psql \\copy", seconds: (performance.now() - started) / 1000 };
}

async function query(databaseUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
