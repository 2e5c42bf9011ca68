import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { OrgContext } from "@/lib/db/org-context";
import { runIngest } from "@/lib/ingest/run-ingest";
import { uploadFilePath } from "@/lib/uploads/upload-file-store";
import { createOrg } from "@/prisma/seed/create-org";
import { fixturePath } from "@/tests/support/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// Evidence must be re-derivable: the original bytes are kept (gzip) beside the data, byte for byte.

let db: TestDatabase;
let ctx: OrgContext;
let dataDir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = await createOrg(db);
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "tollwatch-kept-"));
});
afterAll(async () => {
  await db.drop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

test("a completed upload keeps the original file, identical to its recorded SHA-256", async () => {
  const original = await fs.readFile(fixturePath("ntt-call-statement/statement-2026-03.csv"));
  const summary = await runIngest(ctx, { source: createReadStream(fixturePath("ntt-call-statement/statement-2026-03.csv")), fileName: "statement-2026-03.csv", maxBytes: 1e7, dataDir });
  expect(summary).toMatchObject({ format: "ntt-call-statement", encoding: "cp932" });
  const kept = gunzipSync(await fs.readFile(uploadFilePath(dataDir, ctx.org.id, summary.uploadId)));
  expect(kept.equals(original)).toBe(true);
  const upload = await db.prisma.upload.findUniqueOrThrow({ where: { id: summary.uploadId } });
  expect(upload.sha256).toBe(createHash("sha256").update(original).digest("hex"));
  expect(upload.statementMonth).toBe("2026-03"); // read from the file name
});

test("a failed upload keeps nothing", async () => {
  async function* breaks() {
    yield Buffer.from('"","201","0312345678","from-internal","","","","","","2026-03-14 09:00:00","","2026-03-14 09:01:00",60,50,"ANSWERED","DOCUMENTATION"\n');
    throw new Error("connection reset by peer");
  }
  await expect(runIngest(ctx, { source: breaks(), fileName: "broken.csv", maxBytes: 1e7, dataDir })).rejects.toThrow("connection reset");
  const upload = await db.prisma.upload.findFirstOrThrow({ where: { orgId: ctx.org.id, fileName: "broken.csv" } });
  await expect(fs.stat(uploadFilePath(dataDir, ctx.org.id, upload.id))).rejects.toThrow();
});

test("a year-less statement without a statement month is refused before anything is stored", async () => {
  const attempt = runIngest(ctx, { source: createReadStream(fixturePath("ntt-call-statement/statement-2026-03.csv")), fileName: "meisai.csv", maxBytes: 1e7 });
  await expect(attempt).rejects.toMatchObject({ code: "needs_statement_month" });
  const withMonth = await runIngest(ctx, { source: createReadStream(fixturePath("ntt-call-statement/statement-2026-03.csv")), fileName: "meisai.csv", statementMonth: "2026-03", maxBytes: 1e7 });
  expect(withMonth.rows).toBeGreaterThan(0);
  expect(withMonth.imported).toBe(0); // the same calls as the first test: all duplicates
});
