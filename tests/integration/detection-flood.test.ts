import { afterAll, beforeAll, expect, test } from "vitest";
import type { OrgContext } from "@/lib/db/org-context";
import { explainFinding } from "@/lib/detection/explain-finding";
import { listFindings } from "@/lib/detection/list-findings";
import { runDetection } from "@/lib/detection/run-detection";
import { runIngest } from "@/lib/ingest/run-ingest";
import { createOrg } from "@/prisma/seed/create-org";
import { syntheticOfficeMaster } from "@/tests/support/synthetic-office";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// The reason Tollwatch exists: six weeks of an ordinary Tokyo office, then the seed's flood to
// Sierra Leone from 02:30 on Saturday 14 March. The flood is flagged on its first day, critically,
// with explanations a shop owner understands; ordinary days are not; re-running changes nothing.

let db: TestDatabase;
let ctx: OrgContext;

async function* bytes(text: string) {
  yield Buffer.from(text);
}

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = await createOrg(db, { timeZone: "Asia/Tokyo" });
  const master = syntheticOfficeMaster({ firstDay: "2026-02-02", days: 44, floodStartDay: "2026-03-14", floodDays: 4 });
  await runIngest(ctx, { source: bytes(master), fileName: "Master.csv", maxBytes: 1e9 });
}, 120_000);
afterAll(() => db.drop());

const findingsOf = (day: string) =>
  db.prisma.finding.findMany({ where: { orgId: ctx.org.id, day: new Date(`${day}T00:00:00Z`) }, orderBy: { ruleId: "asc" } });

test("the flood's first day is flagged critically by the rules that describe it", async () => {
  const findings = await findingsOf("2026-03-14");
  const byRule = Object.fromEntries(findings.map((finding) => [finding.ruleId, finding]));
  expect(Object.keys(byRule)).toEqual(expect.arrayContaining(["VOLUME_SPIKE", "HIGH_RISK_DEST", "NEW_COUNTRY", "UNIFORM_SHORT_DURATION", "OFF_HOURS", "CONCURRENCY", "COST_SPIKE"]));
  expect(findings.some((finding) => finding.severity === "critical")).toBe(true);
  expect(byRule.NEW_COUNTRY.numbers).toMatchObject({ country: "SL" });
  expect(byRule.UNIFORM_SHORT_DURATION.numbers).toMatchObject({ medianSeconds: expect.any(Number) });
  expect(Number((byRule.UNIFORM_SHORT_DURATION.numbers as { share: number }).share)).toBeGreaterThan(0.95);
  expect(byRule.VOLUME_SPIKE.numbers).toMatchObject({ baselineKind: "learned", expected: 0, firstAnomalousHour: 2 });

  const english = explainFinding({ ruleId: "VOLUME_SPIKE", day: "2026-03-14", numbers: byRule.VOLUME_SPIKE.numbers as Record<string, unknown> }, "en", { timeZone: "Asia/Tokyo", currency: "JPY" });
  expect(english).toMatch(/^[\d,]+ outbound international calls on Sat 14 Mar — usually 0 on a Saturday\. Most went to Sierra Leone \(\+232\): [\d,]+\. Busiest hour: \d\d:00 with [\d,]+ calls\.$/);
  const japanese = explainFinding({ ruleId: "UNIFORM_SHORT_DURATION", day: "2026-03-14", numbers: byRule.UNIFORM_SHORT_DURATION.numbers as Record<string, unknown> }, "ja", { timeZone: "Asia/Tokyo", currency: "JPY" });
  expect(japanese).toContain("機械による発信");
  expect(japanese).toContain("シエラレオネ (+232)");
});

test("the flood stays flagged every day it goes on: its own calls never become the baseline", async () => {
  for (const day of ["2026-03-15", "2026-03-16", "2026-03-17"]) {
    const byRule = Object.fromEntries((await findingsOf(day)).map((finding) => [finding.ruleId, finding]));
    expect(byRule.NEW_COUNTRY?.numbers, day).toMatchObject({ country: "SL", flaggedSince: "2026-03-14" });
    expect(byRule.COST_SPIKE?.numbers, day).toMatchObject({ thresholdKind: "floor", threshold: 10_000 });
    expect(byRule.COST_SPIKE?.severity, day).toMatch(/high|critical/);
    expect(byRule.VOLUME_SPIKE?.numbers, day).toMatchObject({ baselineKind: "learned" });
    expect(Number((byRule.VOLUME_SPIKE?.numbers as { expected: number }).expected), day).toBeLessThan(10);
  }
  const continuing = (await findingsOf("2026-03-16")).find((finding) => finding.ruleId === "NEW_COUNTRY")!;
  const english = explainFinding({ ruleId: "NEW_COUNTRY", day: "2026-03-16", numbers: continuing.numbers as Record<string, unknown> }, "en", { timeZone: "Asia/Tokyo", currency: "JPY" });
  expect(english).toMatch(/^Calls to Sierra Leone \(\+232\) go on: [\d,]+ on Mon 16 Mar .* flagged days that began Sat 14 Mar\.$/);
});

test("ordinary days carry no finding of medium severity or above", async () => {
  const flagged = await db.prisma.finding.findMany({
    where: { orgId: ctx.org.id, severity: { in: ["medium", "high", "critical"] }, day: { lt: new Date("2026-03-14T00:00:00Z") } },
    select: { day: true, ruleId: true, numbers: true },
  });
  expect(flagged).toEqual([]);
});

test("one incident covers the flood, with its calls, cost and destination", async () => {
  const incidents = await db.prisma.incident.findMany({ where: { orgId: ctx.org.id } });
  expect(incidents).toHaveLength(1);
  const [incident] = incidents;
  expect(incident).toMatchObject({ status: "open", severity: "critical", currency: "JPY" });
  expect(incident.firstCallAt.toISOString()).toBe("2026-03-13T17:30:00.000Z"); // 02:30 in Tokyo
  expect(incident.calls).toBeGreaterThan(14_000);
  expect(incident.destinations).toEqual({ SL: incident.calls });
  expect(Number(incident.estimatedCost)).toBeGreaterThan(2_000_000); // ~175 yen a call
  const events = await db.prisma.incidentEvent.findMany({ where: { incidentId: incident.id } });
  expect(events.map((event) => event.kind)).toEqual(["opened"]);
});

test("running detection again changes nothing", async () => {
  const before = await db.prisma.finding.findMany({ where: { orgId: ctx.org.id }, orderBy: { id: "asc" } });
  const incidentsBefore = await db.prisma.incident.findMany({ where: { orgId: ctx.org.id } });
  await runDetection(ctx);
  const after = await db.prisma.finding.findMany({ where: { orgId: ctx.org.id }, orderBy: { id: "asc" } });
  expect(after).toEqual(before);
  const incidentsAfter = await db.prisma.incident.findMany({ where: { orgId: ctx.org.id } });
  expect(incidentsAfter.map(({ updatedAt: _updatedAt, ...rest }) => rest)).toEqual(incidentsBefore.map(({ updatedAt: _updatedAt, ...rest }) => rest));
  expect(await db.prisma.incidentEvent.count({ where: { orgId: ctx.org.id } })).toBe(1);
});

test("the run after a one-day upload agrees with a full run, from stored day stats or without them", async () => {
  const snapshot = async () => (await db.prisma.finding.findMany({ where: { orgId: ctx.org.id }, orderBy: { id: "asc" } })).map(({ createdAt: _createdAt, ...rest }) => rest);
  const full = await snapshot();
  expect(await db.prisma.detectionDayStat.count({ where: { orgId: ctx.org.id } })).toBeGreaterThan(30);
  await runDetection(ctx, { days: ["2026-03-16"] });
  expect(await snapshot()).toEqual(full);
  await db.prisma.detectionDayStat.deleteMany({ where: { orgId: ctx.org.id } });
  await runDetection(ctx, { days: ["2026-03-16"] });
  expect(await snapshot()).toEqual(full);
});

test("read in batches of a day or two (as a provider's many calls are), detection finds the same", async () => {
  const snapshot = async () => ({
    findings: (await db.prisma.finding.findMany({ where: { orgId: ctx.org.id }, orderBy: { id: "asc" } })).map(({ createdAt: _createdAt, ...rest }) => rest),
    days: (await db.prisma.detectionDayStat.findMany({ where: { orgId: ctx.org.id }, orderBy: { day: "asc" } })).map(({ stats }) => stats),
  });
  await runDetection(ctx);
  const full = await snapshot();
  expect(full.days.length).toBeGreaterThan(30);
  await db.prisma.detectionDayStat.deleteMany({ where: { orgId: ctx.org.id } });
  const batched = await runDetection(ctx, { batchCalls: 1 });
  expect(batched.days).toBeGreaterThan(30);
  expect(await snapshot()).toEqual(full);
});

test("findings and incidents in the documented JSON shape for other tools", async () => {
  const { findings, incidents } = await listFindings(ctx, { from: "2026-03-14", to: "2026-03-14" });
  const volume = findings.find((finding) => finding.rule === "VOLUME_SPIKE")!;
  expect(volume).toMatchObject({
    severity: "critical",
    day: "2026-03-14",
    periodStart: "2026-03-13T17:30:00.000Z",
    subject: {},
    incidentId: incidents[0].id,
    explanation: { ja: expect.stringContaining("3月14日"), en: expect.stringContaining("Sat 14 Mar") },
  });
  expect(Object.keys(volume).sort()).toEqual(["day", "explanation", "id", "incidentId", "numbers", "periodEnd", "periodStart", "rule", "score", "severity", "subject"]);
  expect(incidents[0]).toMatchObject({ status: "open", severity: "critical", currency: "JPY", destinations: { SL: expect.any(Number) } });
  expect(Object.keys(incidents[0]).sort()).toEqual(["blockWindow", "calls", "currency", "destinations", "estimatedCost", "firstCallAt", "id", "lastCallAt", "severity", "status"].sort());
});

test("days whose incident was marked a false alarm count as normal history again", async () => {
  const [incident] = await db.prisma.incident.findMany({ where: { orgId: ctx.org.id } });
  await db.prisma.incident.update({ where: { id: incident.id }, data: { status: "false_alarm" } });
  await db.prisma.incidentEvent.create({ data: { orgId: ctx.org.id, incidentId: incident.id, kind: "status_changed", details: { from: "open", to: "false_alarm" } } });
  await runDetection(ctx);
  const byRule = Object.fromEntries((await findingsOf("2026-03-15")).map((finding) => [finding.ruleId, finding]));
  expect(byRule.NEW_COUNTRY).toBeUndefined(); // Sierra Leone was called on the 14th, which is now ordinary
  expect(byRule.COST_SPIKE).toBeUndefined(); // ¥669,075 is under twice the 14th's ¥599,918, now usual
  expect((await db.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } })).status).toBe("false_alarm");
});
