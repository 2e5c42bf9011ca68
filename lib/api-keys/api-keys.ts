import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { CreateApiKeyInput, type ApiKeyScope } from "@/lib/api-keys/api-keys.schema";
import { actorUserId, loadOrgContext, requirePermission, type Database, type OrgContext } from "@/lib/db/org-context";
import { InvalidInputError, NotFoundError, UnauthorizedError } from "@/lib/errors";

// API keys let machines act for one organization within their scopes. A key is
// `tw_<8 characters>_<43 characters>` (256 random bits): shown once at creation, stored only as its
// SHA-256 (a key this long needs no slow hash), identified later by its first characters. Revoking
// is immediate; last use is recorded at most once a minute.

export type ApiKeyView = { id: string; name: string; prefix: string; scopes: string[]; createdAt: Date; createdBy: string | null; lastUsedAt: Date | null; revokedAt: Date | null };

const KEY_PATTERN = /^tw_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

export async function createApiKey(ctx: OrgContext, input: unknown): Promise<{ id: string; key: string }> {
  requirePermission(ctx, "settings");
  const parsed = CreateApiKeyInput.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]?.message ?? "Invalid API key.", "invalid_api_key");
  const prefix = randomBytes(6).toString("base64url").replace(/[-_]/g, "x").slice(0, 8);
  const key = `tw_${prefix}_${randomBytes(32).toString("base64url")}`;
  const created = await ctx.db.prisma.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { orgId: ctx.org.id, name: parsed.data.name, prefix: `tw_${prefix}`, keyHash: hashKey(key), scopes: [...new Set(parsed.data.scopes)], createdById: actorUserId(ctx.actor) },
      select: { id: true },
    });
    await tx.auditLog.create({ data: { orgId: ctx.org.id, actorUserId: actorUserId(ctx.actor), action: "api_key.created", targetType: "api_key", targetId: row.id, details: { name: parsed.data.name, scopes: parsed.data.scopes } } });
    return row;
  });
  return { id: created.id, key };
}

export async function listApiKeys(ctx: OrgContext): Promise<ApiKeyView[]> {
  requirePermission(ctx, "settings");
  const rows = await ctx.db.prisma.apiKey.findMany({
    where: { orgId: ctx.org.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } } },
  });
  return rows.map(({ createdBy, ...row }) => ({ ...row, createdBy: createdBy?.name ?? null }));
}

export async function revokeApiKey(ctx: OrgContext, keyId: string): Promise<void> {
  requirePermission(ctx, "settings");
  const { count } = await ctx.db.prisma.apiKey.updateMany({ where: { id: keyId, orgId: ctx.org.id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new NotFoundError("API key not found.");
  await ctx.db.prisma.auditLog.create({ data: { orgId: ctx.org.id, actorUserId: actorUserId(ctx.actor), action: "api_key.revoked", targetType: "api_key", targetId: keyId } });
}

/** The token of an `Authorization: Bearer …` header, if the request carries one. */
export function bearerToken(request: Request): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
}

/** The organization a bearer key belongs to, acting with the key's scopes (401 when the key is unknown or revoked). */
export async function orgContextForApiKeyAlone(db: Database, bearer: string): Promise<OrgContext> {
  if (!KEY_PATTERN.test(bearer)) throw new UnauthorizedError("This is not a Tollwatch API key.");
  const key = await db.prisma.apiKey.findUnique({ where: { keyHash: hashKey(bearer) }, select: { id: true, orgId: true, scopes: true, revokedAt: true, lastUsedAt: true } });
  if (!key || key.revokedAt) throw new UnauthorizedError("This API key is unknown or was revoked.");
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) await db.prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  return loadOrgContext(db, { id: key.orgId }, { kind: "api-key", keyId: key.id, scopes: key.scopes as ApiKeyScope[] });
}

/**
 * The organization a bearer key acts for. The key must be valid, not revoked, and belong to the
 * organization in the path (a key of another organization is "not found", like a stranger's session).
 */
export async function orgContextForApiKey(db: Database, bearer: string, orgId: string): Promise<OrgContext> {
  const ctx = await orgContextForApiKeyAlone(db, bearer);
  if (ctx.org.id !== orgId) throw new NotFoundError("Organization not found.");
  return ctx;
}
