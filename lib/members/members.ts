import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { canAssign, type Role } from "@/lib/auth/roles";
import { actorUserId, requirePermission, type Database, type OrgContext } from "@/lib/db/org-context";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { ChangeRoleInput, INVITATION_DAYS, InviteMemberInput } from "@/lib/members/members.schema";

// Members and invitations of an organization. An invitation is a link with a random token that is
// stored only as its SHA-256 and shown once; it is for one email address, one role, seven days.
// Admins manage members; only owners make or unmake owners; the last owner cannot leave.

export type MemberView = { id: string; userId: string; name: string; email: string; role: Role; joinedAt: Date };
export type InvitationView = { id: string; email: string; role: Role; expiresAt: Date; invitedBy: string | null };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function listMembers(ctx: OrgContext): Promise<{ members: MemberView[]; invitations: InvitationView[] }> {
  requirePermission(ctx, "read");
  const [members, invitations] = await Promise.all([
    ctx.db.prisma.member.findMany({ where: { orgId: ctx.org.id }, orderBy: { createdAt: "asc" }, select: { id: true, userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } } }),
    ctx.db.prisma.invitation.findMany({
      where: { orgId: ctx.org.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "asc" },
      select: { id: true, email: true, role: true, expiresAt: true, invitedBy: { select: { name: true } } },
    }),
  ]);
  return {
    members: members.map((member) => ({ id: member.id, userId: member.userId, name: member.user.name, email: member.user.email, role: member.role, joinedAt: member.createdAt })),
    invitations: invitations.map((invitation) => ({ id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, invitedBy: invitation.invitedBy?.name ?? null })),
  };
}

/** Returns the token for the invitation link; it is not stored and cannot be shown again. */
export async function inviteMember(ctx: OrgContext, input: unknown): Promise<{ invitationId: string; token: string }> {
  requirePermission(ctx, "members");
  const parsed = InviteMemberInput.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]?.message ?? "Invalid invitation.", "invalid_invitation");
  const { email, role } = parsed.data;
  assertMayAssign(ctx, role);
  const existing = await ctx.db.prisma.member.findFirst({ where: { orgId: ctx.org.id, user: { email } }, select: { id: true } });
  if (existing) throw new InvalidInputError(`${email} is already a member.`, "already_member");
  const token = randomBytes(32).toString("base64url");
  const invitation = await ctx.db.prisma.$transaction(async (tx) => {
    await tx.invitation.updateMany({ where: { orgId: ctx.org.id, email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    const created = await tx.invitation.create({
      data: { orgId: ctx.org.id, email, role, tokenHash: hashToken(token), invitedById: actorUserId(ctx.actor), expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000) },
      select: { id: true },
    });
    await tx.auditLog.create({ data: { orgId: ctx.org.id, actorUserId: actorUserId(ctx.actor), action: "member.invited", targetType: "invitation", targetId: created.id, details: { email, role } } });
    return created;
  });
  return { invitationId: invitation.id, token };
}

export async function revokeInvitation(ctx: OrgContext, invitationId: string): Promise<void> {
  requirePermission(ctx, "members");
  const { count } = await ctx.db.prisma.invitation.updateMany({ where: { id: invitationId, orgId: ctx.org.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new NotFoundError("Invitation not found.");
  await ctx.db.prisma.auditLog.create({ data: { orgId: ctx.org.id, actorUserId: actorUserId(ctx.actor), action: "member.invitation_revoked", targetType: "invitation", targetId: invitationId } });
}

export async function changeMemberRole(ctx: OrgContext, input: unknown): Promise<void> {
  requirePermission(ctx, "members");
  const parsed = ChangeRoleInput.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]?.message ?? "Invalid role.", "invalid_role");
  const member = await ctx.db.prisma.member.findFirst({ where: { id: parsed.data.memberId, orgId: ctx.org.id } });
  if (!member) throw new NotFoundError("Member not found.");
  assertMayAssign(ctx, member.role);
  assertMayAssign(ctx, parsed.data.role);
  if (member.role === "owner" && parsed.data.role !== "owner") await assertNotLastOwner(ctx);
  await ctx.db.prisma.$transaction([
    ctx.db.prisma.member.update({ where: { id: member.id }, data: { role: parsed.data.role } }),
    ctx.db.prisma.auditLog.create({ data: { orgId: ctx.org.id, actorUserId: actorUserId(ctx.actor), action: "member.role_changed", targetType: "member", targetId: member.id, details: { from: member.role, to: parsed.data.role } } }),
  ]);
}

export async function removeMember(ctx: OrgContext, memberId: string): Promise<void> {
  requirePermission(ctx, "members");
  const member = await ctx.db.prisma.member.findFirst({ where: { id: memberId, orgId: ctx.org.id } });
  if (!member) throw new NotFoundError("Member not found.");
  assertMayAssign(ctx, member.role);
  if (member.role === "owner") await assertNotLastOwner(ctx);
  await ctx.db.prisma.$transaction([
    ctx.db.prisma.member.delete({ where: { id: member.id } }),
    ctx.db.prisma.auditLog.create({ data: { orgId: ctx.org.id, actorUserId: actorUserId(ctx.actor), action: "member.removed", targetType: "member", targetId: member.id, details: { userId: member.userId, role: member.role } } }),
  ]);
}

export type InvitationLookup = { id: string; orgId: string; orgName: string; email: string; role: Role; state: "valid" | "expired" | "used" };

/** What an invitation link offers (no organization context: the invitee is not a member yet). */
export async function findInvitation(db: Database, token: string): Promise<InvitationLookup | null> {
  const invitation = await db.prisma.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { org: { select: { name: true } } } });
  if (!invitation) return null;
  const state = invitation.acceptedAt || invitation.revokedAt ? "used" : invitation.expiresAt <= new Date() ? "expired" : "valid";
  return { id: invitation.id, orgId: invitation.orgId, orgName: invitation.org.name, email: invitation.email, role: invitation.role, state };
}

/** Makes `userId` (whose email must be the invited one) a member; the invitation is used up. */
export async function acceptInvitation(db: Database, token: string, user: { id: string; email: string }): Promise<{ orgSlug: string }> {
  const invitation = await findInvitation(db, token);
  if (!invitation || invitation.state !== "valid") throw new InvalidInputError("This invitation is no longer valid. Ask for a new one.", "invitation_invalid");
  if (invitation.email !== user.email.toLowerCase()) throw new ForbiddenError("This invitation is for another email address.");
  return db.prisma.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: new Date() } });
    if (count === 0) throw new InvalidInputError("This invitation is no longer valid. Ask for a new one.", "invitation_invalid");
    await tx.member.upsert({ where: { orgId_userId: { orgId: invitation.orgId, userId: user.id } }, create: { orgId: invitation.orgId, userId: user.id, role: invitation.role }, update: {} });
    await tx.auditLog.create({ data: { orgId: invitation.orgId, actorUserId: user.id, action: "member.joined", targetType: "invitation", targetId: invitation.id, details: { role: invitation.role } } });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: invitation.orgId }, select: { slug: true } });
    return { orgSlug: org.slug };
  });
}

function assertMayAssign(ctx: OrgContext, role: Role): void {
  if (ctx.actor.kind === "user" && !canAssign(ctx.actor.role, role)) throw new ForbiddenError("Only an owner can make or change an owner.");
}

async function assertNotLastOwner(ctx: OrgContext): Promise<void> {
  const owners = await ctx.db.prisma.member.count({ where: { orgId: ctx.org.id, role: "owner" } });
  if (owners <= 1) throw new InvalidInputError("An organization needs at least one owner: make someone else owner first.", "last_owner");
}
