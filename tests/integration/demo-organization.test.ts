import { afterAll, beforeAll, expect, test } from "vitest";
import { loadDemoOrganization } from "@/lib/demo/load-demo-organization";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// `tollwatch demo`: the office profile up to yesterday, with a critical Sierra Leone incident to
// look at; loading again keeps it, --replace loads it afresh without leaving calls behind.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const now = new Date("2026-11-29T03:00:00Z");

test("the demo organization holds 180 days up to yesterday and a critical Sierra Leone incident", { timeout: 120_000 }, async () => {
  const demo = await loadDemoOrganization(db, { profileId: "office-jp-10", replace: false, dataDir: null, maxBytes: 1e10, now });
  expect(demo).toMatchObject({ slug: "demo-office-jp-10", isNew: true, lastDay: "2026-11-28" });
  expect(demo.summary!.imported).toBeGreaterThan(30_000);
  expect(demo.summary!.lastCallAt! < "2026-11-28T15:00:00.000Z").toBe(true);
  const org = await db.prisma.organization.findUniqueOrThrow({ where: { slug: demo.slug } });
  const incidents = await db.prisma.incident.findMany({ where: { orgId: org.id, severity: "critical" } });
  expect(incidents.some((incident) => (incident.destinations as Record<string, number>).SL > 10_000)).toBe(true);
});

test("loading again keeps it; replacing reloads it and leaves no calls behind", { timeout: 120_000 }, async () => {
  const again = await loadDemoOrganization(db, { profileId: "office-jp-10", replace: false, dataDir: null, maxBytes: 1e10, now });
  expect(again.isNew).toBe(false);
  const countCalls = async () => Number((await db.pool.query<{ count: string }>("SELECT count(*) FROM call_records")).rows[0].count);
  const before = await countCalls();
  const replaced = await loadDemoOrganization(db, { profileId: "office-jp-10", replace: true, dataDir: null, maxBytes: 1e10, now });
  expect(replaced.isNew).toBe(true);
  expect(await countCalls()).toBe(before);
  expect(await db.prisma.organization.count({ where: { slug: "demo-office-jp-10" } })).toBe(1);
});
