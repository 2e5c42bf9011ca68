import "server-only";
import type pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { can, type Permission, type Role } from "@/lib/auth/roles";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

// Every lib function that touches data takes an OrgContext and filters by ctx.org.id
// (STYLE.md rule 3). The database handles travel with it, so tests pass their own.

export type Database = { prisma: PrismaClient; pool: pg.Pool };

export type OrgScope = {
  id: string;
  slug: string;
  name: string;
  countryCode: string;
  timeZone: string;
  currency: string;
  dialOutPrefix: string | null;
};

/** Who acts: a signed-in member with their role here, a machine with an API key and its scopes, or the operator's CLI (and tests). */
export type Actor = { kind: "user"; userId: string; role: Role } | { kind: "api-key"; keyId: string; scopes: string[] } | { kind: "system"; name: "cli" | "test" | "jobs" };

/** What each API key scope allows. */
const SCOPE_PERMISSIONS: Record<string, Permission[]> = { ingest: ["upload"] };

export type OrgContext = { org: OrgScope; actor: Actor; db: Database };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ORG_SCOPE_SELECT = {
  id: true,
  slug: true,
  name: true,
  countryCode: true,
  timeZone: true,
  currency: true,
  dialOutPrefix: true,
} as const;

export async function loadOrgContext(
  db: Database,
  where: { slug: string } | { id: string },
  actor: Actor,
): Promise<OrgContext> {
  if ("id" in where && !UUID.test(where.id)) throw new NotFoundError("Organization not found.");
  const org = await db.prisma.organization.findUnique({ where, select: ORG_SCOPE_SELECT });
  if (!org) throw new NotFoundError("Organization not found.");
  return { org, actor, db };
}

/** The organization `where` names, as seen by `userId`: not found unless they are a member. */
export async function loadOrgContextForMember(db: Database, where: { slug: string } | { id: string }, userId: string): Promise<OrgContext> {
  if ("id" in where && !UUID.test(where.id)) throw new NotFoundError("Organization not found.");
  const member = await db.prisma.member.findFirst({ where: { userId, org: where }, select: { role: true, org: { select: ORG_SCOPE_SELECT } } });
  if (!member) throw new NotFoundError("Organization not found.");
  return { org: member.org, actor: { kind: "user", userId, role: member.role }, db };
}

/** Whether the actor may do `permission`: a member by role, an API key by scope, the CLI always. */
export function hasPermission(actor: Actor, permission: Permission): boolean {
  if (actor.kind === "user") return can(actor.role, permission);
  if (actor.kind === "api-key") return actor.scopes.some((scope) => SCOPE_PERMISSIONS[scope]?.includes(permission));
  return true;
}

/** Throws ForbiddenError unless the actor has `permission` (or, given several, any one of them). */
export function requirePermission(ctx: OrgContext, permission: Permission | readonly Permission[]): void {
  const allowed: readonly Permission[] = typeof permission === "string" ? [permission] : permission;
  if (allowed.some((candidate) => hasPermission(ctx.actor, candidate))) return;
  throw new ForbiddenError(ctx.actor.kind === "api-key" ? "This API key's scopes do not allow this." : "Your role in this organization does not allow this.");
}

export function actorUserId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}
