import { afterAll, beforeAll, expect, test } from "vitest";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

test("an empty web address is made from the name, numbered when taken", async () => {
  expect((await createOrganization(db, { name: "Shibuya Dental", slug: "" })).slug).toBe("shibuya-dental");
  expect((await createOrganization(db, { name: "Shibuya Dental" })).slug).toBe("shibuya-dental-2");
  expect((await createOrganization(db, { name: "渋谷歯科" })).slug).toBe("org");
  expect((await createOrganization(db, { name: "世田谷保険代理店" })).slug).toBe("org-2");
});

test("an explicit web address that is taken is refused, not renamed", async () => {
  await createOrganization(db, { name: "Kept", slug: "kept" });
  await expect(createOrganization(db, { name: "Other", slug: "kept" })).rejects.toMatchObject({ code: "slug_taken" });
});

test("settings default to Japan and are validated", async () => {
  const org = await createOrganization(db, { name: "Defaults" });
  expect(org).toMatchObject({ countryCode: "JP", timeZone: "Asia/Tokyo", currency: "JPY", dialOutPrefix: null });
  await expect(createOrganization(db, { name: "Nowhere", timeZone: "Mars/Olympus" })).rejects.toMatchObject({ code: "unknown_time_zone" });
  await expect(createOrganization(db, { name: "" })).rejects.toMatchObject({ code: "invalid_organization" });
});
