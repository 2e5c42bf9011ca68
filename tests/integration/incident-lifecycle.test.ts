import { afterAll, beforeAll, expect, test } from "vitest";
import type { OrgContext } from "@/lib/db/org-context";
import { parseDetectionSettings } from "@/lib/detection/detection-settings.schema";
import { listFindings } from "@/lib/detection/list-findings";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { updateIncident } from "@/lib/incidents/update-incident";
import { runIngest } from "@/lib/ingest/run-ingest";
import { createOrg } from "@/prisma/seed/create-org";
import { syntheticOfficeMaster } from "@/tests/support/synthetic-office";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// A person works the flood's incident: acknowledges it, writes a note, records when the carrier was
// asked to block international calls and when it did (the window a carrier refunds is priced from
// the calls), and a false alarm with its destinations allowed changes what detection flags.

let db: TestDatabase;
let ctx: OrgContext;
let other: OrgContext;

async function* bytes(text: string) {
  yield Buffer.from(text);
}

const floodIncident = async (org: OrgContext) => (await listFindings(org)).incidents.find((incident) => "SL" in incident.destinations)!;

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = await createOrg(db, { timeZone: "Asia/Tokyo" });
  other = await createOrg(db, { timeZone: "Asia/Tokyo" });
  const master = syntheticOfficeMaster({ firstDay: "2026-02-02", days: 30, floodStartDay: "2026-02-28", floodDays: 2 });
  await runIngest(ctx, { source: bytes(master), fileName: "Master.csv", maxBytes: 1e9 });
}, 120_000);
afterAll(() => db.drop());

test("acknowledging, a note and the block window are recorded, and the window is priced from its calls", async () => {
  const incident = await floodIncident(ctx);
  expect(incident).toMatchObject({ status: "open", blockWindow: null });
  await updateIncident(ctx, incident.id, { status: "acknowledged", note: "Carrier called: 3,000 calls to +232 overnight." });
  await updateIncident(ctx, incident.id, { blockRequestedAt: "2026-02-28T09:10:00+09:00" });
  const requested = await floodIncident(ctx);
  expect(requested.blockWindow).toMatchObject({ requestedAt: "2026-02-28T00:10:00.000Z", completedAt: null });

  await updateIncident(ctx, incident.id, { blockCompletedAt: "2026-03-01T12:00:00+09:00" });
  const after = await floodIncident(ctx);
  expect(after.status).toBe("acknowledged");
  const window = after.blockWindow!;
  expect(window.completedAt).toBe("2026-03-01T03:00:00.000Z");
  // The flood runs round the clock: a day and three hours of it at ~3,500 calls a day.
  expect(window.calls).toBeGreaterThan(3000);
  expect(window.calls).toBeLessThan(after.calls);
  expect(window.estimatedCost).toBeGreaterThan(0);
  expect(window.estimatedCost).toBeLessThan(after.estimatedCost);

  const events = await db.prisma.incidentEvent.findMany({ where: { incidentId: incident.id }, orderBy: { createdAt: "asc" } });
  expect(events.map((event) => event.kind)).toEqual(["opened", "status_changed", "note", "block_requested", "block_completed"]);
  expect(events[2].body).toBe("Carrier called: 3,000 calls to +232 overnight.");
  expect(await db.prisma.auditLog.count({ where: { orgId: ctx.org.id, action: "incident.updated", targetId: incident.id } })).toBe(3);

  // Re-detection keeps the incident, its status and its history.
  const { runDetection } = await import("@/lib/detection/run-detection");
  await runDetection(ctx);
  expect(await floodIncident(ctx)).toMatchObject({ id: incident.id, status: "acknowledged", blockWindow: window });
});

test("impossible changes are refused with a reason and change nothing", async () => {
  const incident = await floodIncident(ctx);
  const refusals: [unknown, string][] = [
    [{ blockCompletedAt: "2026-02-27T00:00:00Z" }, "block_before_request"],
    [{ status: "acknowledged", allowCountries: ["SL"] }, "invalid_incident_change"],
    [{ status: "false_alarm", allowCountries: ["US"] }, "not_a_destination"],
    [{ status: "closed" }, "invalid_incident_change"],
    [{}, "invalid_incident_change"],
    [{ blockRequestedAt: "yesterday" }, "invalid_incident_change"],
  ];
  const eventsBefore = await db.prisma.incidentEvent.count({ where: { incidentId: incident.id } });
  for (const [change, code] of refusals) {
    const error = await updateIncident(ctx, incident.id, change).catch((caught: unknown) => caught);
    expect(error, JSON.stringify(change)).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).code, JSON.stringify(change)).toBe(code);
  }
  expect(await db.prisma.incidentEvent.count({ where: { incidentId: incident.id } })).toBe(eventsBefore);
  expect(await floodIncident(ctx)).toEqual(incident);

  // Another organization cannot see or touch it.
  await expect(updateIncident(other, incident.id, { status: "resolved" })).rejects.toBeInstanceOf(NotFoundError);
  await expect(updateIncident(ctx, "01900000-0000-7000-8000-000000000000", { status: "resolved" })).rejects.toBeInstanceOf(NotFoundError);
});

test("a false alarm that allows its destinations stops them being flagged, and the incident keeps its history", async () => {
  const incident = await floodIncident(ctx);
  const slFindings = async () =>
    (await listFindings(ctx)).findings.filter((finding) => JSON.stringify(finding.numbers).includes('"SL"')).length;
  expect(await slFindings()).toBeGreaterThan(0);

  await updateIncident(ctx, incident.id, { status: "false_alarm", allowCountries: ["SL"], note: "Our new Freetown branch." });
  const org = await db.prisma.organization.findUniqueOrThrow({ where: { id: ctx.org.id } });
  expect(parseDetectionSettings(org.detectionSettings).allowedCountries).toEqual(["SL"]);
  expect(await slFindings()).toBe(0);
  const kept = await db.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } });
  expect(kept.status).toBe("false_alarm");
  const last = await db.prisma.incidentEvent.findFirstOrThrow({ where: { incidentId: incident.id, kind: "status_changed" }, orderBy: { createdAt: "desc" } });
  expect(last.details).toEqual({ from: "acknowledged", to: "false_alarm", allowedCountries: ["SL"] });
});
