import { afterAll, beforeAll, expect, test } from "vitest";
import type { OrgContext } from "@/lib/db/org-context";
import { parseDetectionSettings } from "@/lib/detection/detection-settings.schema";
import { ForbiddenError, InvalidInputError } from "@/lib/errors";
import { runIngest } from "@/lib/ingest/run-ingest";
import { updateOrganizationSettings } from "@/lib/organizations/update-settings";
import { createOrg } from "@/prisma/seed/create-org";
import { syntheticOfficeMaster } from "@/tests/support/synthetic-office";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// Settings change what detection says: switching a rule off or allowing a destination re-runs
// detection over every day; the change is audited; the zone is fixed once calls exist; only owners
// and administrators may change anything.

let db: TestDatabase;
let ctx: OrgContext;

async function* bytes(text: string) {
  yield Buffer.from(text);
}

const settingsOf = async () => parseDetectionSettings((await db.prisma.organization.findUniqueOrThrow({ where: { id: ctx.org.id } })).detectionSettings);
const base = () => ({ name: ctx.org.name, countryCode: "JP", timeZone: "Asia/Tokyo", currency: "JPY", dialOutPrefix: null });
const rulesOf = async (day: string) => (await db.prisma.finding.findMany({ where: { orgId: ctx.org.id, day: new Date(`${day}T00:00:00Z`) }, select: { ruleId: true } })).map((finding) => finding.ruleId).sort();

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = await createOrg(db, { timeZone: "Asia/Tokyo" });
  await runIngest(ctx, { source: bytes(syntheticOfficeMaster({ firstDay: "2026-02-02", days: 30, floodStartDay: "2026-02-28", floodDays: 2 })), fileName: "Master.csv", maxBytes: 1e9 });
}, 120_000);
afterAll(() => db.drop());

test("switching a rule off re-runs detection without it; the change is audited", async () => {
  expect(await rulesOf("2026-02-28")).toContain("UNIFORM_SHORT_DURATION");
  const detection = { ...(await settingsOf()), rules: { UNIFORM_SHORT_DURATION: { enabled: false, params: {} } } };
  expect(await updateOrganizationSettings(ctx, { ...base(), detection })).toEqual({ redetected: true });
  expect(await rulesOf("2026-02-28")).not.toContain("UNIFORM_SHORT_DURATION");
  expect(await rulesOf("2026-02-28")).toContain("VOLUME_SPIKE");
  const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { orgId: ctx.org.id, action: "settings.updated" } });
  expect(JSON.stringify(audit.details)).toContain("UNIFORM_SHORT_DURATION");
  // Renaming only does not re-run detection.
  expect(await updateOrganizationSettings(ctx, { ...base(), name: "Renamed office", detection })).toEqual({ redetected: false });
});

test("an allowed destination is no longer flagged", async () => {
  const detection = { ...(await settingsOf()), allowedCountries: ["SL"] };
  await updateOrganizationSettings(ctx, { ...base(), detection });
  expect(await rulesOf("2026-02-28")).toEqual([]);
});

test("the zone is fixed once calls exist, bad values are refused, and viewers change nothing", async () => {
  const detection = await settingsOf();
  const zone = await updateOrganizationSettings(ctx, { ...base(), timeZone: "Europe/London", detection }).catch((error: unknown) => error);
  expect((zone as InvalidInputError).code).toBe("zone_locked");
  const bad = await updateOrganizationSettings(ctx, { ...base(), detection: { ...detection, businessHours: { startHour: 30, endHour: 18, weekdays: [1] } } }).catch((error: unknown) => error);
  expect((bad as InvalidInputError).code).toBe("invalid_settings");
  const user = await db.prisma.user.create({ data: { email: "viewer@example.test", name: "Viewer" } });
  await expect(updateOrganizationSettings({ ...ctx, actor: { kind: "user", userId: user.id, role: "viewer" } }, { ...base(), detection })).rejects.toBeInstanceOf(ForbiddenError);
});
