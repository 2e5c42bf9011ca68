import { createReadStream } from "node:fs";
import path from "node:path";
import { createPgPool } from "@/lib/db/pg-pool";
import { createPrismaClient } from "@/lib/db/prisma";
import { runIngest, type IngestStage } from "@/lib/ingest/run-ingest";
import { createOrg } from "@/prisma/seed/create-org";

// Child process of bench:ingest: one full import, reporting its own wall time, the time of each
// stage, its CPU time, and peak memory (max RSS) at the commit and at the end (after detection).
const [databaseUrl, file] = process.argv.slice(2);
const db = { prisma: createPrismaClient(databaseUrl), pool: createPgPool(databaseUrl) };
const ctx = await createOrg(db);
const stages: Partial<Record<IngestStage, number>> = {};
let importedSeconds = 0;
let maxRssAtCommitBytes = 0;
let cpuSecondsAtCommit = 0;
const started = performance.now();
const summary = await runIngest(ctx, {
  source: createReadStream(file),
  fileName: path.basename(file),
  maxBytes: 8 * 1024 ** 3,
  onStageTimed: (stage, milliseconds) => {
    stages[stage] = (stages[stage] ?? 0) + milliseconds;
    if (stage === "complete") {
      importedSeconds = (performance.now() - started) / 1000;
      maxRssAtCommitBytes = process.resourceUsage().maxRSS * 1024;
      const cpu = process.cpuUsage();
      cpuSecondsAtCommit = (cpu.user + cpu.system) / 1e6;
    }
  },
});
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ summary, seconds, importedSeconds, cpuSecondsAtCommit, stages, maxRssAtCommitBytes, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
await db.prisma.$disconnect();
await db.pool.end();
