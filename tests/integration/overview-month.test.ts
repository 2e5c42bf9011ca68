import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { OrgContext } from "@/lib/db/org-context";
import { runIngest } from "@/lib/ingest/run-ingest";
import { getMonthOverview, getOpenIncidentsWithReason } from "@/lib/queries/overview-month";
import { createOrg } from "@/prisma/seed/create-org";
import { syntheticOfficeMaster } from "@/tests/support/synthetic-office";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// The overview's month figures and charts from the rollups: March (with the seed's flood) against
// February (ordinary office traffic), counted again from the calls themselves.

let db: TestDatabase;
let office: OrgContext;
const master = syntheticOfficeMaster({ firstDay: "2026-02-02", days: 44, floodStartDay: "2026-03-14", floodDays: 4 });

beforeAll(async () => {
  db = await createTestDatabase();
  office = await createOrg(db, { timeZone: "Asia/Tokyo" });
  await runIngest(office, { source: Readable.from([Buffer.from(master)]), fileName: "Master.csv", maxBytes: 1e9 });
}, 120_000);
afterAll(() => db.drop());

async function countCalls(month: string, extra = "") {
  const result = await db.pool.query<{ calls: number; seconds: string }>(
    `SELECT count(*)::int AS calls, coalesce(sum(billable_seconds), 0)::bigint AS seconds FROM call_records
      WHERE org_id = $1 AND started_at >= ($2 || '-01')::timestamp AT TIME ZONE 'Asia/Tokyo'
        AND started_at < (($2 || '-01')::date + interval '1 month')::timestamp AT TIME ZONE 'Asia/Tokyo' ${extra}`,
    [office.org.id, month],
  );
  return { calls: result.rows[0].calls, minutes: Math.round(Number(result.rows[0].seconds) / 60) };
}

test("the month's figures and the month before's match the calls", async () => {
  const { current, previous } = await getMonthOverview(office, "2026-03");
  const march = await countCalls("2026-03");
  const february = await countCalls("2026-02");
  expect(current).toMatchObject({ calls: march.calls, minutes: march.minutes, flaggedDays: 4 });
  expect(previous).toMatchObject({ calls: february.calls, minutes: february.minutes, flaggedDays: 0 });
  const international = await countCalls("2026-03", "AND direction = 'outbound' AND destination_country IS NOT NULL AND destination_country <> 'JP'");
  expect(current.outboundInternational).toBe(international.calls);
  expect(current.estimatedCost).toBeGreaterThan(previous.estimatedCost * 10);
  const incident = await db.prisma.incident.findFirstOrThrow({ where: { orgId: office.org.id }, orderBy: { calls: "desc" } });
  // The month's charges hold the incident's (which counts only its suspicious calls).
  expect(current.estimatedCost).toBeGreaterThanOrEqual(Math.round(Number(incident.estimatedCost)));
});

test("outbound calls per day by country: the flood's country first, every day present, totals kept", async () => {
  const { countries, days } = await getMonthOverview(office, "2026-03");
  expect(countries[0]).toBe("SL");
  expect(days).toHaveLength(31);
  const outbound = await countCalls("2026-03", "AND direction = 'outbound'");
  expect(days.reduce((sum, day) => sum + day.total, 0)).toBe(outbound.calls);
  for (const day of days) expect(countries.reduce((sum, country) => sum + Number(day[country] ?? 0), 0)).toBe(day.total);
  const flood = days.find((day) => day.day === "2026-03-15")!;
  expect(Number(flood.SL)).toBeGreaterThan(3000);
  expect(flood.estimatedCost).toBeGreaterThan(100_000);
});

test("open incidents come with their strongest finding", async () => {
  const [incident] = await getOpenIncidentsWithReason(office);
  expect(incident).toMatchObject({ severity: "critical", status: "open" });
  expect(incident.finding).not.toBeNull();
});

test("a range of months: its figures against as many months before, every day of it", async () => {
  const range = await getMonthOverview(office, { first: "2026-02", last: "2026-03" });
  const february = await countCalls("2026-02");
  const march = await countCalls("2026-03");
  expect(range.current).toMatchObject({ calls: february.calls + march.calls, flaggedDays: 4 });
  expect(range.previous).toMatchObject({ calls: 0, flaggedDays: 0 });
  expect(range.days).toHaveLength(28 + 31);
  expect(range.days[0].day).toBe("2026-02-01");
});
