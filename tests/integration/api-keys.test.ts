import { afterAll, beforeAll, expect, test } from "vitest";
import { createApiKey, listApiKeys, orgContextForApiKey, revokeApiKey } from "@/lib/api-keys/api-keys";
import { hasPermission, type OrgContext } from "@/lib/db/org-context";
import { ForbiddenError, InvalidInputError, NotFoundError, UnauthorizedError } from "@/lib/errors";
import { createOrg } from "@/prisma/seed/create-org";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// API keys: shown once, stored as a hash, scoped to ingest, limited to their organization,
// revocable at once, last use recorded; only owners and administrators manage them.

let db: TestDatabase;
let org: OrgContext;
let other: OrgContext;
let admin: OrgContext;
let viewer: OrgContext;

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createOrg(db);
  other = await createOrg(db);
  const user = await db.prisma.user.create({ data: { email: "admin@example.test", name: "Admin" } });
  admin = { ...org, actor: { kind: "user", userId: user.id, role: "admin" } };
  viewer = { ...org, actor: { kind: "user", userId: user.id, role: "viewer" } };
});
afterAll(() => db.drop());

test("a key is shown once, kept only as a hash, and lets a machine ingest for its organization only", async () => {
  const { id, key } = await createApiKey(admin, { name: "PBX nightly", scopes: ["ingest"] });
  expect(key).toMatch(/^tw_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
  const stored = await db.prisma.apiKey.findUniqueOrThrow({ where: { id } });
  expect(JSON.stringify(stored)).not.toContain(key.slice(12));
  expect(key.startsWith(stored.prefix)).toBe(true);

  const machine = await orgContextForApiKey(db, key, org.org.id);
  expect(machine.org.id).toBe(org.org.id);
  expect(machine.actor).toEqual({ kind: "api-key", keyId: id, scopes: ["ingest"] });
  expect(hasPermission(machine.actor, "upload")).toBe(true);
  for (const permission of ["read", "export", "triage", "settings", "members", "audit"] as const) expect(hasPermission(machine.actor, permission), permission).toBe(false);
  expect((await listApiKeys(admin))[0].lastUsedAt).toBeInstanceOf(Date);

  await expect(orgContextForApiKey(db, key, other.org.id)).rejects.toBeInstanceOf(NotFoundError);
  await expect(orgContextForApiKey(db, `${key.slice(0, -1)}x`, org.org.id)).rejects.toBeInstanceOf(UnauthorizedError);
  await expect(orgContextForApiKey(db, "not a key", org.org.id)).rejects.toBeInstanceOf(UnauthorizedError);

  await revokeApiKey(admin, id);
  await expect(orgContextForApiKey(db, key, org.org.id)).rejects.toBeInstanceOf(UnauthorizedError);
  await expect(revokeApiKey({ ...other, actor: admin.actor }, id)).rejects.toBeInstanceOf(NotFoundError);
  expect(await db.prisma.auditLog.findMany({ where: { orgId: org.org.id, targetId: id }, select: { action: true }, orderBy: { id: "asc" } })).toEqual([{ action: "api_key.created" }, { action: "api_key.revoked" }]);
});

test("only owners and administrators manage keys, and a key needs a name and a scope", async () => {
  await expect(createApiKey(viewer, { name: "x", scopes: ["ingest"] })).rejects.toBeInstanceOf(ForbiddenError);
  await expect(listApiKeys(viewer)).rejects.toBeInstanceOf(ForbiddenError);
  await expect(createApiKey(admin, { name: " ", scopes: ["ingest"] })).rejects.toBeInstanceOf(InvalidInputError);
  await expect(createApiKey(admin, { name: "x", scopes: ["everything"] })).rejects.toBeInstanceOf(InvalidInputError);
});
