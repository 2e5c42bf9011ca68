import "server-only";
import type pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors";

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

/** Who acts. Until sign-in exists (issue 7) the web app acts as the local operator. */
export type Actor = { kind: "user"; userId: string } | { kind: "system"; name: "cli" | "local-web" | "test" };

export type OrgContext = { org: OrgScope; actor: Actor; db: Database };

/** The web app's actor until accounts exist: whoever can reach the server (loopback by default). */
export const LOCAL_OPERATOR: Actor = { kind: "system", name: "local-web" };

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

export function actorUserId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}
