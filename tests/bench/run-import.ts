import { createReadStream } from "node:fs";
import path from "node:path";
import { createPgPool } from "@/lib/db/pg-pool";
import { createPrismaClient } from "@/lib/db/prisma";
import { runIngest } from "@/lib/ingest/run-ingest";
import { createOrg } from "@/prisma/seed/create-org";

// Child process of bench:ingest: one full import, reporting its own wall time and peak memory.
const [databaseUrl, file] = process.argv.slice(2);
const db = { prisma: createPrismaClient(databaseUrl), pool: createPgPool(databaseUrl) };
const ctx = await createOrg(db);
const started = performance.now();
const summary = await runIngest(ctx, { source: createReadStream(file), fileName: path.basename(file), maxBytes: 8 * 1024 ** 3 });
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ summary, seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
await db.prisma.$disconnect();
await db.pool.end();
