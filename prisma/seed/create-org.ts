import { randomBytes } from "node:crypto";
import type { Database, OrgContext } from "@/lib/db/org-context";
import { createOrganization } from "@/lib/organizations/create-organization";
import type { CreateOrganizationInput } from "@/lib/organizations/create-organization.schema";

// Factory shared by the seed script and the tests: a fresh organization with its own slug,
// created through the same verb the app uses.

export async function createOrg(db: Database, overrides: Partial<CreateOrganizationInput> = {}): Promise<OrgContext> {
  const suffix = randomBytes(4).toString("hex");
  const org = await createOrganization(db, { name: `Test organization ${suffix}`, slug: `org-${suffix}`, ...overrides });
  return { org, actor: { kind: "system", name: "test" }, db };
}
