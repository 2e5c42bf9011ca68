import { spawn } from "node:child_process";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { OrgContext } from "@/lib/db/org-context";
import { runIngest } from "@/lib/ingest/run-ingest";
import { failStaleUploads } from "@/lib/uploads/fail-stale-uploads";
import { createOrg } from "@/prisma/seed/create-org";
import { generateAsteriskMaster } from "@/tests/support/generate-asterisk-master";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// A process killed in the middle of an import (kill -9: no clean-up code runs) leaves no calls of
// that upload; the upload is then marked failed as interrupted, and a retry imports it exactly once.

const ROWS = 40_000;
let db: TestDatabase;
let ctx: OrgContext;
let work: string;
let file: string;

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = await createOrg(db, { timeZone: "UTC" });
  work = await fs.mkdtemp(path.join(os.tmpdir(), "tollwatch-interrupted-"));
  file = path.join(work, "Master.csv");
  await generateAsteriskMaster(file, ROWS);
});
afterAll(async () => {
  await db.drop();
  await fs.rm(work, { recursive: true, force: true });
});

test("kill -9 mid-load: nothing stored, the upload fails as interrupted, a retry imports once", async () => {
  const child = spawn(process.execPath, ["--import", "./bin/register-typescript.mjs", "tests/support/import-in-child.ts", db.url, ctx.org.id, file], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const uploadId = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (data: Buffer) => resolve(data.toString().trim()));
    child.once("exit", () => reject(new Error("the import finished or failed before it could be interrupted")));
  });

  const rowsReadBeforeKill = await waitFor(async () => {
    const upload = await db.prisma.upload.findUniqueOrThrow({ where: { id: uploadId } });
    return upload.status === "processing" && upload.rowsRead > 0 ? upload.rowsRead : null;
  });
  expect(rowsReadBeforeKill).toBeLessThan(ROWS);
  child.kill("SIGKILL");
  await exited;

  expect(await db.prisma.callRecord.count({ where: { orgId: ctx.org.id } })).toBe(0);
  expect(await db.prisma.rejectedRow.count({ where: { orgId: ctx.org.id } })).toBe(0);
  expect(await db.prisma.upload.findUniqueOrThrow({ where: { id: uploadId } })).toMatchObject({ status: "processing" });

  expect(await failStaleUploads(db, { now: new Date() })).toBe(0); // its heartbeat is still fresh
  expect(await failStaleUploads(db, { orgId: ctx.org.id, now: new Date(Date.now() + 10 * 60_000) })).toBe(1);
  const failed = await db.prisma.upload.findUniqueOrThrow({ where: { id: uploadId } });
  expect(failed.status).toBe("failed");
  expect(failed.statusMessage).toMatch(/interrupted/);

  const retry = await runIngest(ctx, { source: createReadStream(file), fileName: "Master.csv", fileTimeZone: "UTC", maxBytes: 1e10 });
  expect(retry).toMatchObject({ rows: ROWS, imported: ROWS, duplicates: 0, rejected: 0 });
  expect(await db.prisma.callRecord.count({ where: { orgId: ctx.org.id } })).toBe(ROWS);
  const again = await runIngest(ctx, { source: createReadStream(file), fileName: "Master.csv", fileTimeZone: "UTC", maxBytes: 1e10 });
  expect(again).toMatchObject({ imported: 0, duplicates: ROWS });
}, 120_000);

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== null) return value;
    await sleep(50);
  }
  throw new Error("timed out");
}
