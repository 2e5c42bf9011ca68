import { expect, test } from "vitest";
import { CreateOrganizationInput, slugFromName } from "@/lib/organizations/create-organization.schema";

test("slugs come from names, and Japanese-only names fall back to org", () => {
  expect(slugFromName("Setagaya Insurance Agency")).toBe("setagaya-insurance-agency");
  expect(slugFromName("  ACME, Inc. (Tokyo) ")).toBe("acme-inc-tokyo");
  expect(slugFromName("世田谷保険代理店")).toBe("org");
});

test("defaults are Japan, Asia/Tokyo and yen", () => {
  expect(CreateOrganizationInput.parse({ name: "Office", slug: "office" })).toEqual({
    name: "Office", slug: "office", countryCode: "JP", timeZone: "Asia/Tokyo", currency: "JPY", dialOutPrefix: null,
  });
  expect(CreateOrganizationInput.safeParse({ name: "Office", slug: "Bad Slug!" }).success).toBe(false);
  expect(CreateOrganizationInput.parse({ name: "Office", slug: "" }).slug).toBe("");
});
