import "server-only";
import { requirePermission, type OrgContext } from "@/lib/db/org-context";

// The organization's audit log, newest first, 100 entries a page (keyset on id): its own entries
// and the sign-ins of its current members.

export type AuditEntry = { id: string; at: Date; actor: string | null; action: string; details: Record<string, unknown> };

const PAGE = 100;

export async function getAuditPage(ctx: OrgContext, before?: string): Promise<{ entries: AuditEntry[]; nextBefore: string | null }> {
  requirePermission(ctx, "audit");
  const beforeId = before && /^\d{1,19}$/.test(before) ? BigInt(before) : undefined;
  const members = await ctx.db.prisma.member.findMany({ where: { orgId: ctx.org.id }, select: { userId: true } });
  const rows = await ctx.db.prisma.auditLog.findMany({
    where: {
      OR: [{ orgId: ctx.org.id }, { orgId: null, action: "user.signed_in", actorUserId: { in: members.map((member) => member.userId) } }],
      ...(beforeId !== undefined ? { id: { lt: beforeId } } : {}),
    },
    orderBy: { id: "desc" },
    take: PAGE + 1,
    select: { id: true, createdAt: true, action: true, details: true, actor: { select: { name: true, email: true } } },
  });
  const entries = rows.slice(0, PAGE).map((row) => ({
    id: row.id.toString(),
    at: row.createdAt,
    actor: row.actor ? `${row.actor.name} <${row.actor.email}>` : null,
    action: row.action,
    details: (row.details ?? {}) as Record<string, unknown>,
  }));
  return { entries, nextBefore: rows.length > PAGE ? entries.at(-1)!.id : null };
}
