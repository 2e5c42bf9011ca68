import { Readable } from "node:stream";
import Papa from "papaparse";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CallsFilterSchema, type CallsFilter } from "@/lib/calls/calls-filter.schema";
import type { OrgContext } from "@/lib/db/org-context";
import { runIngest } from "@/lib/ingest/run-ingest";
import { getCallsPage, CALLS_PAGE_SIZE } from "@/lib/queries/calls-page";
import { exportFilteredCalls } from "@/lib/reports/export-filtered-calls";
import { createOrg } from "@/prisma/seed/create-org";
import { syntheticOfficeMaster } from "@/tests/support/synthetic-office";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// The calls explorer's read model on real PostgreSQL: filters narrow to exactly the calls they
// describe, keyset pages return every call once in order, "flagged" is what the incident counts,
// the export holds what the page lists, and another organization's calls never appear.

let db: TestDatabase;
let office: OrgContext;
let other: OrgContext;
let total: number;

const filterOf = (input: Partial<Record<keyof CallsFilter, string>> = {}) => CallsFilterSchema.parse(input);

beforeAll(async () => {
  db = await createTestDatabase();
  office = await createOrg(db, { timeZone: "Asia/Tokyo" });
  other = await createOrg(db, { timeZone: "Asia/Tokyo" });
  const master = syntheticOfficeMaster({ firstDay: "2026-02-02", days: 28, floodStartDay: "2026-02-28", floodDays: 2 });
  total = (await runIngest(office, { source: Readable.from([Buffer.from(master)]), fileName: "Master.csv", maxBytes: 1e9 })).imported;
  await runIngest(other, { source: Readable.from([Buffer.from(syntheticOfficeMaster({ firstDay: "2026-02-02", days: 7 }))]), fileName: "Other.csv", maxBytes: 1e9 });
}, 120_000);
afterAll(() => db.drop());

async function allPages(ctx: OrgContext, filter: CallsFilter) {
  const calls = [];
  let after: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await getCallsPage(ctx, { ...filter, after });
    calls.push(...page.calls);
    if (!page.next) break;
    after = page.next;
  }
  return calls;
}

test("keyset pages list every call once, newest first, and the count is exact below the cap", async () => {
  const first = await getCallsPage(office, filterOf());
  expect(first.calls).toHaveLength(CALLS_PAGE_SIZE);
  expect(first.isCapped).toBe(total > 10_000);
  const sierraLeone = filterOf({ country: "SL" });
  const calls = await allPages(office, sierraLeone);
  const { matching } = await getCallsPage(office, sierraLeone);
  expect(calls.length).toBe(matching);
  expect(calls.length).toBeGreaterThan(CALLS_PAGE_SIZE * 3);
  for (let index = 1; index < calls.length; index++) expect(calls[index - 1].startedAt.getTime()).toBeGreaterThanOrEqual(calls[index].startedAt.getTime());
  const oldest = await allPages(office, filterOf({ country: "SL", sort: "oldest" }));
  expect(oldest.map((call) => call.startedAt.getTime())).toEqual(calls.map((call) => call.startedAt.getTime()).reverse());
  const longest = await allPages(office, filterOf({ country: "SL", sort: "longest" }));
  expect(longest).toHaveLength(calls.length);
  for (let index = 1; index < longest.length; index++) expect(longest[index - 1].billableSeconds).toBeGreaterThanOrEqual(longest[index].billableSeconds);
}, 60_000);

test("each filter narrows to exactly its calls", async () => {
  const count = async (input: Partial<Record<keyof CallsFilter, string>>) => (await getCallsPage(office, filterOf(input))).matching;
  const day = await db.pool.query<{ calls: number }>(`SELECT sum(calls)::int AS calls FROM daily_stats WHERE org_id = $1 AND day = '2026-02-28'`, [office.org.id]);
  expect(await count({ from: "2026-02-28", to: "2026-02-28" })).toBe(day.rows[0].calls);
  const sl = await count({ country: "SL" });
  expect(await count({ number: "+232" })).toBe(sl);
  expect(await count({ number: "010232" })).toBe(sl);
  expect(await count({ country: "SL", minSeconds: "30", maxSeconds: "32" })).toBe(await count({ country: "SL", disposition: "answered" }));
  expect(await count({ source: "201", country: "SL" })).toBe(sl);
  expect(await count({ direction: "inbound" })).toBe(0);
  const incident = await db.prisma.incident.findFirstOrThrow({ where: { orgId: office.org.id }, orderBy: { calls: "desc" } });
  expect(await count({ flagged: "1" })).toBe(incident.calls);
  expect(await count({ country: "US", flagged: "1" })).toBe(0);
  expect((await getCallsPage(other, filterOf({ country: "SL" }))).matching).toBe(0);
});

test("the export holds the filtered calls in the page's order, zone in the header, formula-safe, optionally masked", async () => {
  const filter = filterOf({ country: "SL", from: "2026-02-28", to: "2026-02-28" });
  const page = await getCallsPage(office, filter);
  const read = async (mask: boolean) => {
    let text = "";
    for await (const chunk of exportFilteredCalls(office, filter, { mask })) text += chunk;
    return Papa.parse<string[]>(text.replace(/^\uFEFF/, "").trimEnd()).data;
  };
  const rows = await read(false);
  expect(rows[0][0]).toBe("started_at (Asia/Tokyo)");
  expect(rows.length - 1).toBe(page.matching);
  const [first] = page.calls;
  expect(rows[1][1]).toBe(first.startedAt.toISOString().replace(/\.000Z$/, "Z"));
  expect(rows[1][5]).toBe(first.destination);
  expect(rows[1][6]).toBe(`'${first.destinationE164}`);
  const masked = await read(true);
  expect(masked[1][5]).toBe(`${first.destination.slice(0, -4)}••••`);
  expect(masked[1][3]).toBe(first.source);
  const audit = await db.prisma.auditLog.count({ where: { orgId: office.org.id, action: "calls.exported" } });
  expect(audit).toBe(2);
});
