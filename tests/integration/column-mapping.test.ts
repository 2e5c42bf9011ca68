import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { OrgContext } from "@/lib/db/org-context";
import { guessColumnMapping } from "@/lib/ingest/formats/column-mapping/guess-column-mapping";
import { MAPPING_FORMAT_PREFIX } from "@/lib/ingest/formats/column-mapping/mapped-format";
import { NeedsMappingError, runIngest } from "@/lib/ingest/run-ingest";
import { importKeptUpload } from "@/lib/uploads/import-kept-upload";
import { readKeptUploadPreview } from "@/lib/uploads/kept-upload-file";
import { previewColumnMapping } from "@/lib/uploads/preview-column-mapping";
import { saveColumnMapping } from "@/lib/uploads/save-column-mapping";
import { uploadFilePath } from "@/lib/uploads/upload-file-store";
import { createOrg } from "@/prisma/seed/create-org";
import { fixturePath } from "@/tests/support/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// An unknown layout is kept, waits for its columns to be mapped, imports through the mapping, and
// the next file with the same header is recognised by it without asking.

const CARRIER_FILE = fixturePath("column-mapping/japanese-carrier-cp932.csv");
let db: TestDatabase;
let ctx: OrgContext;
let dataDir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = await createOrg(db);
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "tollwatch-mapping-"));
});
afterAll(async () => {
  await db.drop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

test("unknown layout → kept and waiting → mapped, checked, imported → the next such file is recognised", async () => {
  const attempt = runIngest(ctx, { source: createReadStream(CARRIER_FILE), fileName: "carrier-x-march.csv", maxBytes: 1e7, dataDir });
  const error = await attempt.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(NeedsMappingError);
  const uploadId = (error as NeedsMappingError).uploadId;
  const waiting = await db.prisma.upload.findUniqueOrThrow({ where: { id: uploadId } });
  expect(waiting).toMatchObject({ status: "needs_mapping", encoding: "cp932" });
  expect(waiting.sha256).toMatch(/^[0-9a-f]{64}$/);
  await expect(fs.stat(uploadFilePath(dataDir, ctx.org.id, uploadId))).resolves.toBeTruthy();
  expect(await db.prisma.callRecord.count({ where: { orgId: ctx.org.id } })).toBe(0);

  const rows = await readKeptUploadPreview(dataDir, ctx.org.id, uploadId, 12);
  expect(rows[0]).toEqual(["発信日時", "発信元番号", "発信先番号", "通話時間", "通話料金", "結果"]);
  const config = guessColumnMapping(rows);
  expect(config).toMatchObject({ headerRows: 1, columns: { startDateTime: 0, source: 1, destination: 2, duration: 3, cost: 4, disposition: 5 } });

  const preview = await previewColumnMapping(ctx, uploadId, config, dataDir);
  expect(preview.map((row) => row.outcome)).toEqual([
    "call", "call", "call", "call", "invalid_start_time", "missing_destination", "invalid_duration", "invalid_amount",
  ]);
  expect(preview[0]).toMatchObject({ startedAt: "2026-03-13T17:10:05.000Z", destination: "+23276123456", destinationCountry: "SL", durationSeconds: 31 });

  const mapping = await saveColumnMapping(ctx, { name: "Carrier X", config }, rows[0]);
  const summary = await importKeptUpload(ctx, uploadId, `${MAPPING_FORMAT_PREFIX}${mapping.id}`, { dataDir, maxBytes: 1e7 });
  expect(summary).toMatchObject({ uploadId, formatLabel: "Carrier X", rows: 8, imported: 4, rejected: 4, encoding: "cp932" });
  expect(await db.prisma.upload.findUniqueOrThrow({ where: { id: uploadId } })).toMatchObject({ status: "completed", format: `mapping:${mapping.id}` });

  const next = await runIngest(ctx, { source: createReadStream(CARRIER_FILE), fileName: "carrier-x-april.csv", maxBytes: 1e7, dataDir });
  expect(next).toMatchObject({ format: `mapping:${mapping.id}`, imported: 0, duplicates: 4, rejected: 4 });
});

test("another organization's mapping is not used", async () => {
  const other = await createOrg(db);
  await expect(runIngest(other, { source: createReadStream(CARRIER_FILE), fileName: "x.csv", maxBytes: 1e7 })).rejects.toMatchObject({ code: "unknown_format" });
});
