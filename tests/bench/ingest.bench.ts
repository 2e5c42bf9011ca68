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
//
// Shared machines change speed by a third from one minute to the next, so one pair of timings
// says little: the pair is timed BENCH_ROUNDS times (3 by default), each round on a fresh
// database, (a) right before (b). Every round's ratio is printed; the target is judged on the
// median ratio and the highest peak memory, and the median round is shown stage by stage.

const rows = Number(process.argv[2] ?? process.env.BENCH_ROWS ?? 1_000_000);
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const work = await fs.mkdtemp(path.join(os.tmpdir(), "tollwatch-bench-"));
await fs.chmod(work, 0o755);
const file = path.join(work, "Master.csv");

console.log(`Generating ${rows.toLocaleString("en")} rows…`);
const bytes = await generateAsteriskMaster(file, rows);
await fs.chmod(file, 0o644);

const clusterDir = process.env.BENCH_DATABASE_URL ? null : path.join(work, "cluster");
const server = process.env.BENCH_DATABASE_URL
  ? { urlFor: (db: string) => Object.assign(new URL(process.env.BENCH_DATABASE_URL!), { pathname: `/${db}` }).toString(), stop: async () => {} }
  : await startEmbeddedPostgres({ clusterDir: clusterDir!, preferredPort: 0 });
const template = `bench_${Date.now()}`;
await query(server.urlFor("postgres"), `CREATE DATABASE ${template}`);
await migrateDatabase(server.urlFor(template));

try {
  const results: Round[] = [];
  for (let round = 1; round <= rounds; round++) {
    const database = `${template}_${round}`;
    await query(server.urlFor("postgres"), `CREATE DATABASE ${database} TEMPLATE ${template}`);
    try {
      const result = await timeRound(server.urlFor(database));
      results.push(result);
      console.log(`round ${round}: ${summaryLine(result)}`);
    } finally {
      // Each round's calls and raw rows take as much disk as the file again: freed before the next.
      await query(server.urlFor("postgres"), `DROP DATABASE ${database}`);
    }
  }
  console.log(report(results));
} finally {
  await server.stop();
  await fs.rm(work, { recursive: true, force: true });
}

type Round = { copy: { tool: string; seconds: number }; result: ImportResult; postgresCpu: number | null; ratio: number };

async function timeRound(url: string): Promise<Round> {
  const copy = timeCopy(url, file);
  const postgresCpuBefore = await postgresCpuSeconds(clusterDir);
  // BENCH_CPU_PROF=<folder> writes the import's V8 CPU profile there (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawnSync(process.execPath, [...profile, "--import", "./bin/register-typescript.mjs", "tests/bench/run-import.ts", url, file], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    env: { ...process.env, TZ: "UTC" },
  });
  if (child.status !== 0) throw new Error(`import failed:\n${child.stderr}`);
  process.stderr.write(child.stderr);
  const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as ImportResult;
  const postgresCpuAfter = await postgresCpuSeconds(clusterDir);
  const postgresCpu = postgresCpuBefore === null || postgresCpuAfter === null ? null : postgresCpuAfter - postgresCpuBefore;
  return { copy, result, postgresCpu, ratio: result.importedSeconds / copy.seconds };
}

type ImportResult = {
  seconds: number;
  importedSeconds: number;
  cpuSecondsAtCommit: number;
  stages: Record<string, number>;
  maxRssAtCommitBytes: number;
  maxRssBytes: number;
  summary: Record<string, unknown>;
};

function mb(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(0)} MB`;
}

function summaryLine({ copy, result, ratio }: Round): string {
  return `${copy.tool} ${copy.seconds.toFixed(1)} s · Tollwatch ${result.importedSeconds.toFixed(1)} s · ratio ${ratio.toFixed(2)} · peak RSS ${mb(result.maxRssAtCommitBytes)}`;
}

// The issue's "full import" is upload to stored, de-duplicated calls with rollups refreshed: the
// ratio uses the time to the commit; detection, which runs after it, is shown beside it.
function report(results: Round[]): string {
  const byRatio = [...results].sort((a, b) => a.ratio - b.ratio);
  const median = byRatio[Math.floor((byRatio.length - 1) / 2)];
  const rss = Math.max(...results.map((round) => round.result.maxRssAtCommitBytes));
  const { copy, result, postgresCpu, ratio } = median;
  const s = (milliseconds = 0) => `${(milliseconds / 1000).toFixed(2)} s`;
  const { stages } = result;
  const staging = stages["stage rows"] ?? 0;
  const decodeAndParse = staging - (stages.normalize ?? 0) - (stages["copy wait"] ?? 0);
  return `
${rows.toLocaleString("en")} rows, ${results.length} rounds: median ratio ${ratio.toFixed(2)} (rounds ${results.map((round) => round.ratio.toFixed(2)).join(", ")}; target ≤ 3) · peak RSS ${mb(rss)} (target ≤ 300 MB)

the median round, stage by stage
rows                     ${rows.toLocaleString("en")} (${mb(bytes)})
(a) ${copy.tool.padEnd(21)}${copy.seconds.toFixed(2)} s
(b) tollwatch import     ${result.importedSeconds.toFixed(2)} s  (${Math.round(rows / result.importedSeconds).toLocaleString("en")} rows/s; upload to committed calls and rollups)
    stage rows           ${s(staging)}  (decode + parse ${s(decodeAndParse)}, normalize + COPY rows ${s(stages.normalize)}, waiting for the loader ${s(stages["copy wait"])}; chunks stored meanwhile)
    last chunk + legs    ${s(stages.merge)}
    rollups              ${s(stages.rollups)}
    complete + commit    ${s(stages.complete)}
    CPU                  Node ${result.cpuSecondsAtCommit.toFixed(1)} s, PostgreSQL ${postgresCpu === null ? "not measured (external server)" : `${postgresCpu.toFixed(1)} s (includes the detection after the commit)`} on ${os.availableParallelism()} cores
then detection           ${s(stages.detection)}  (after the commit; ${result.seconds.toFixed(2)} s in all, peak RSS ${mb(result.maxRssBytes)})
summary                  ${JSON.stringify(result.summary)}

all rounds
median ratio (b)/(a)     ${ratio.toFixed(2)}   target ≤ 3  ${ratio <= 3 ? "OK" : "MISSED"}   (best ${byRatio[0].ratio.toFixed(2)}, worst ${byRatio.at(-1)!.ratio.toFixed(2)})
peak RSS of (b)          ${mb(rss)}   target ≤ 300 MB  ${rss <= 300 * 1024 ** 2 ? "OK" : "MISSED"}   (highest of the rounds)`;
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

/**
 * CPU seconds the embedded server's processes have used: the postmaster's own and those of its
 * exited children (the connections' backends, reaped by it), plus its live children's.
 */
async function postgresCpuSeconds(cluster: string | null): Promise<number | null> {
  if (!cluster) return null;
  const pid = Number((await fs.readFile(path.join(cluster, "postmaster.pid"), "utf8")).split("\n")[0]);
  const ticks = 100; // USER_HZ on Linux
  const fieldsOf = async (processId: number) => (await fs.readFile(`/proc/${processId}/stat`, "utf8")).replace(/^.*\) /s, "").split(" ");
  const own = await fieldsOf(pid);
  // After "pid (comm) ": state is field 0, utime 11, stime 12, cutime 13, cstime 14.
  let total = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of await fs.readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = await fieldsOf(Number(entry)).catch(() => null);
    if (fields && Number(fields[1]) === pid) total += Number(fields[11]) + Number(fields[12]);
  }
  return total / ticks;
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
