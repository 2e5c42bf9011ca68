import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { OrgContext } from "@/lib/db/org-context";
import { ForbiddenError, InvalidInputError } from "@/lib/errors";
import { runIngest } from "@/lib/ingest/run-ingest";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { uploadFilePath } from "@/lib/uploads/upload-file-store";
import { createOrg } from "@/prisma/seed/create-org";
import { syntheticOfficeMaster } from "@/tests/support/synthetic-office";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// Deleting an upload takes its calls, rollups, findings and file with it and leaves the rest as
// if it had never been imported: the flood's upload deleted, its incident goes; the history stays.

let db: TestDatabase;
let office: OrgContext;
const dataDir = mkdtempSync(path.join(tmpdir(), "tollwatch-delete-upload-"));
const lines = syntheticOfficeMaster({ firstDay: "2026-02-02", days: 28, floodStartDay: "2026-03-02", floodDays: 2 }).trimEnd().split("\n");
const startOf = (line: string) => line.split('","')[9];
const history = lines.filter((line) => startOf(line) < "2026-03-01");
const flood = lines.filter((line) => startOf(line) >= "2026-03-01");

const importLines = (ctx: OrgContext, name: string, rows: string[]) =>
  runIngest(ctx, { source: Readable.from([Buffer.from(`${rows.join("\n")}\n`)]), fileName: name, maxBytes: 1e9, dataDir });

beforeAll(async () => {
  db = await createTestDatabase();
  office = await createOrg(db, { timeZone: "Asia/Tokyo" });
}, 60_000);
afterAll(() => db.drop());

test("the flood's upload deleted: its calls, days, findings, incident and file go; the history stays", async () => {
  const kept = await importLines(office, "history.csv", history);
  const floodUpload = await importLines(office, "flood.csv", flood);
  expect(await db.prisma.incident.count({ where: { orgId: office.org.id } })).toBe(1);
  const before = await db.prisma.finding.count({ where: { orgId: office.org.id } });
  expect(existsSync(uploadFilePath(dataDir, office.org.id, floodUpload.uploadId))).toBe(true);

  const analyst = { ...office, actor: { kind: "user" as const, userId: "00000000-0000-7000-8000-000000000000", role: "analyst" as const } };
  await expect(deleteUpload(analyst, floodUpload.uploadId, { dataDir })).rejects.toBeInstanceOf(ForbiddenError);

  const deleted = await deleteUpload(office, floodUpload.uploadId, { dataDir });
  expect(deleted).toMatchObject({ fileName: "flood.csv", calls: flood.length });
  expect(deleted.days[0]).toBe("2026-03-02");
  expect(await db.prisma.callRecord.count({ where: { orgId: office.org.id } })).toBe(kept.imported);
  expect(await db.prisma.dailyStat.count({ where: { orgId: office.org.id, day: { gte: new Date("2026-03-01") } } })).toBe(0);
  expect(await db.prisma.finding.count({ where: { orgId: office.org.id, day: { gte: new Date("2026-03-01") } } })).toBe(0);
  expect(await db.prisma.finding.count({ where: { orgId: office.org.id } })).toBeLessThan(before);
  expect(await db.prisma.incident.count({ where: { orgId: office.org.id } })).toBe(0);
  expect(await db.prisma.upload.count({ where: { orgId: office.org.id } })).toBe(1);
  expect(existsSync(uploadFilePath(dataDir, office.org.id, floodUpload.uploadId))).toBe(false);
  const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { orgId: office.org.id, action: "upload.deleted" } });
  expect(audit.details).toMatchObject({ fileName: "flood.csv", calls: flood.length });

  // Importing it again brings everything back.
  expect((await importLines(office, "flood.csv", flood)).imported).toBe(flood.length);
  expect(await db.prisma.incident.count({ where: { orgId: office.org.id } })).toBe(1);
}, 120_000);

test("an upload still being imported cannot be deleted", async () => {
  const upload = await db.prisma.upload.create({ data: { orgId: office.org.id, fileName: "running.csv", status: "processing" } });
  const refused = await deleteUpload(office, upload.id, { dataDir }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(InvalidInputError);
  expect((refused as InvalidInputError).code).toBe("upload_running");
});
