import { afterAll, beforeAll, expect, test } from "vitest";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/api-keys";
import type { OrgContext } from "@/lib/db/org-context";
import { ForbiddenError, InvalidInputError, PayloadTooLargeError, UnauthorizedError } from "@/lib/errors";
import { takePushSlot } from "@/lib/ingest-api/push-rate-limit";
import { receivePushedCdrs } from "@/lib/ingest-api/receive-pushed-cdrs";
import { createOrg } from "@/prisma/seed/create-org";
import { syntheticOfficeMaster } from "@/tests/support/synthetic-office";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// The ingest API as a PBX uses it: four weeks of history in one push, then the seed's flood pushed
// in five-minute batches as its calls end. Pushing a batch twice stores nothing new; the flood is a
// critical incident within seconds of its first batch; bad keys, other organizations' keys,
// oversized and malformed bodies are refused with the right errors.

let db: TestDatabase;
let office: OrgContext;
let other: OrgContext;
let key: string;
let otherKey: string;

const OPTIONS = { maxBytes: 10 * 1024 ** 2, dataDir: null };

function push(body: string | Uint8Array, bearer = key, query = "", headers: Record<string, string> = {}) {
  const request = new Request(`http://tollwatch.test/api/v1/cdrs${query}`, {
    method: "POST",
    headers: { authorization: `Bearer ${bearer}`, "content-type": "text/csv", "content-length": String(Buffer.byteLength(body)), ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return receivePushedCdrs(db, request, OPTIONS);
}

const master = syntheticOfficeMaster({ firstDay: "2026-02-02", days: 28, floodStartDay: "2026-02-28", floodDays: 1 });
const lines = master.trimEnd().split("\n");
const startOf = (line: string) => line.split('","')[9];
const history = lines.filter((line) => startOf(line) < "2026-02-28 02:30");
const flood = lines.filter((line) => startOf(line) >= "2026-02-28 02:30");

beforeAll(async () => {
  db = await createTestDatabase();
  office = await createOrg(db, { timeZone: "Asia/Tokyo" });
  other = await createOrg(db, { timeZone: "Asia/Tokyo" });
  key = (await createApiKey(office, { name: "PBX", scopes: ["ingest"] })).key;
  otherKey = (await createApiKey(other, { name: "Other PBX", scopes: ["ingest"] })).key;
}, 60_000);
afterAll(() => db.drop());

test("history in one push; the same push again adds nothing", async () => {
  const first = await push(`${history.join("\n")}\n`);
  expect(first.summary).toMatchObject({ format: "asterisk-cdr-csv", rows: history.length, imported: history.length, duplicates: 0 });
  const again = await push(`${history.slice(-50).join("\n")}\n`);
  expect(again.summary).toMatchObject({ imported: 0, duplicates: 50 });
  expect(again.flags.flaggedDays).toBe(0);
}, 60_000);

test("the flood, pushed in five-minute batches, is a critical incident within seconds of its first batch", async () => {
  const startedAt = Date.now();
  let flaggedAfterMs: number | null = null;
  let batches = 0;
  for (let minute = 0; minute < 60 && flaggedAfterMs === null; minute += 5) {
    const from = `2026-02-28 ${String(2 + Math.floor((30 + minute) / 60)).padStart(2, "0")}:${String((30 + minute) % 60).padStart(2, "0")}`;
    const to = `2026-02-28 ${String(2 + Math.floor((35 + minute) / 60)).padStart(2, "0")}:${String((35 + minute) % 60).padStart(2, "0")}`;
    const batch = flood.filter((line) => startOf(line) >= from && startOf(line) < to);
    const result = await push(`${batch.join("\n")}\n`);
    batches++;
    expect(result.summary.imported).toBe(batch.length);
    const critical = await db.prisma.incident.findFirst({ where: { orgId: office.org.id, severity: "critical" } });
    if (critical) flaggedAfterMs = Date.now() - startedAt;
  }
  expect(flaggedAfterMs).not.toBeNull();
  expect(flaggedAfterMs!).toBeLessThan(60_000);
  expect(batches).toBeLessThanOrEqual(6);
}, 120_000);

test("wrong, revoked and foreign keys, oversized and malformed bodies are refused", async () => {
  await expect(push("x", "not-a-key")).rejects.toBeInstanceOf(UnauthorizedError);
  await expect(push("x", `tw_AAAAAAAA_${"A".repeat(43)}`)).rejects.toBeInstanceOf(UnauthorizedError);
  await expect(push("x", otherKey, `?org=${office.org.slug}`)).rejects.toBeInstanceOf(ForbiddenError);
  await expect(push("x".repeat(100), key, "", { "content-length": String(OPTIONS.maxBytes + 1) })).rejects.toBeInstanceOf(PayloadTooLargeError);
  const xml = await push("<cdr/>", key, "", { "content-type": "application/xml" }).catch((error: unknown) => error);
  expect((xml as InvalidInputError).code).toBe("unsupported_media_type");
  for (const body of ['[{"startedAt": "2026-03-01T10:00:00+09:00"', '{"calls": []}', "[]"]) {
    const refused = await push(body, key, "", { "content-type": "application/json" }).catch((error: unknown) => error);
    expect(refused, body).toBeInstanceOf(InvalidInputError);
    expect(["invalid_json", "empty_file"], body).toContain((refused as InvalidInputError).code);
  }
  const hugeJson = await push(`[${" ".repeat(64)}]`, key, "", { "content-type": "application/json", "content-length": String(30 * 1024 ** 2) }).catch((error: unknown) => error);
  expect(hugeJson).toBeInstanceOf(PayloadTooLargeError);
  const garbage = await push(new Uint8Array(4096).map((_, index) => (index * 7919) % 256), key).catch((error: unknown) => error);
  expect(garbage).toBeInstanceOf(InvalidInputError);
  expect((garbage as InvalidInputError).code).toBe("binary_content");

  const { id, key: revoked } = await createApiKey(office, { name: "Old PBX", scopes: ["ingest"] });
  await revokeApiKey(office, id);
  await expect(push("x", revoked)).rejects.toBeInstanceOf(UnauthorizedError);
});

test("a JSON array of calls goes through the same pipeline: counted, rejected with reasons, de-duplicated", async () => {
  const calls = [
    { startedAt: "2026-03-02T03:10:00+09:00", source: "201", destination: "01023276123450", durationSeconds: 31, disposition: "answered" },
    { started_at: "2026-03-02 03:12:00", source: "201", destination: "+23276123456", duration_seconds: 30, billable_seconds: 30, cost: "165", currency: "JPY", call_id: "abc-1" },
    { startedAt: "2026-03-02T03:14:00Z", source: "201", destination: "0312345678", durationSeconds: 12, disposition: "hung up" },
    "not a call",
    { startedAt: "yesterday", source: "201", destination: "0312345678", durationSeconds: 5 },
  ];
  const body = JSON.stringify(calls);
  const result = await push(body, key, "?name=pbx-webhook.json", { "content-type": "application/json; charset=utf-8" });
  expect(result.summary).toMatchObject({ format: "tollwatch-calls", rows: 5, imported: 2, rejected: 3 });
  const upload = await db.prisma.upload.findUniqueOrThrow({ where: { id: result.summary.uploadId }, select: { fileName: true, rejectedRows: { orderBy: { rowNumber: "asc" }, select: { rowNumber: true, reasonCode: true, detail: true } } } });
  expect(upload.fileName).toBe("pbx-webhook.json");
  expect(upload.rejectedRows).toEqual([
    { rowNumber: 4, reasonCode: "invalid_disposition", detail: "hung up" },
    { rowNumber: 5, reasonCode: "invalid_start_time", detail: '"not a call"' },
    { rowNumber: 6, reasonCode: "invalid_start_time", detail: "yesterday" },
  ]);
  const stored = await db.prisma.callRecord.findMany({ where: { uploadId: result.summary.uploadId }, orderBy: { startedAt: "asc" }, select: { startedAt: true, destinationE164: true, destinationCountry: true, billableSeconds: true, disposition: true, costAmount: true, callId: true } });
  expect(stored.map((call) => ({ ...call, costAmount: call.costAmount?.toString() ?? null }))).toEqual([
    { startedAt: new Date("2026-03-01T18:10:00Z"), destinationE164: "+23276123450", destinationCountry: "SL", billableSeconds: 31, disposition: "answered", costAmount: null, callId: null },
    { startedAt: new Date("2026-03-01T18:12:00Z"), destinationE164: "+23276123456", destinationCountry: "SL", billableSeconds: 30, disposition: "answered", costAmount: "165", callId: "abc-1" },
  ]);
  const again = await push(body, key, "", { "content-type": "application/json" });
  expect(again.summary).toMatchObject({ imported: 0, duplicates: 2, rejected: 3 });
});

test("a key is limited to a number of pushes a minute", () => {
  const now = 1_000_000;
  for (let index = 0; index < 3; index++) expect(takePushSlot("key-under-test", now + index, 3)).toBe(0);
  expect(takePushSlot("key-under-test", now + 10, 3)).toBe(60_000 - 10);
  expect(takePushSlot("key-under-test", now + 60_001, 3)).toBe(0);
});
