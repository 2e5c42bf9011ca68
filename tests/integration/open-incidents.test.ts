import { afterAll, beforeAll, expect, test } from "vitest";
import { listOpenIncidents } from "@/lib/queries/open-incidents";
import { createOrg } from "@/prisma/seed/create-org";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// The "all organizations" view lists the open incidents of the user's organizations only, worst first.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

test("open incidents of the user's organizations, never of others, worst first", async () => {
  const [a, b, stranger] = [await createOrg(db), await createOrg(db), await createOrg(db)];
  const user = await db.prisma.user.create({ data: { email: "provider@example.test", name: "IT provider" } });
  await db.prisma.member.createMany({ data: [{ orgId: a.org.id, userId: user.id, role: "analyst" }, { orgId: b.org.id, userId: user.id, role: "viewer" }] });
  const incident = (orgId: string, severity: "medium" | "critical", status: "open" | "resolved" | "acknowledged", day: number) =>
    db.prisma.incident.create({ data: { orgId, severity, status, currency: "JPY", calls: 10, estimatedCost: 1000, destinations: { SL: 10 }, firstCallAt: new Date(Date.UTC(2026, 2, day)), lastCallAt: new Date(Date.UTC(2026, 2, day, 5)) } });
  const aMedium = await incident(a.org.id, "medium", "open", 20);
  const bCritical = await incident(b.org.id, "critical", "acknowledged", 10);
  await incident(b.org.id, "critical", "resolved", 12);
  await incident(stranger.org.id, "critical", "open", 15);
  const listed = await listOpenIncidents(db, user.id);
  expect(listed.map((entry) => entry.id)).toEqual([bCritical.id, aMedium.id]);
  expect(listed[0]).toMatchObject({ orgSlug: b.org.slug, status: "acknowledged", destinations: [["SL", 10]] });
});
