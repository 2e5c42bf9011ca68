import "server-only";
import { randomBytes } from "node:crypto";
import { CostStepsSchema, NewAlertChannelSchema, type AlertChannelKind } from "@/lib/alerts/alert-channels.schema";
import { actorUserId, requirePermission, type OrgContext } from "@/lib/db/org-context";
import { InvalidInputError, NotFoundError } from "@/lib/errors";

// An organization's alert channels and cost steps, managed by owners and administrators. Webhook
// channels get a signing secret (HMAC-SHA256 of each body) that the receiver uses to check the sender.

export type AlertChannelView = { id: string; kind: AlertChannelKind; name: string; target: string; language: "ja" | "en"; secret: string | null; enabled: boolean; createdAt: Date };

export async function createAlertChannel(ctx: OrgContext, input: unknown): Promise<{ id: string }> {
  requirePermission(ctx, "settings");
  const parsed = NewAlertChannelSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]?.message ?? "Invalid alert channel.", "invalid_alert_channel");
  const { name, kind, target, language } = parsed.data;
  const secret = kind === "webhook" ? `whsec_${randomBytes(24).toString("base64url")}` : null;
  return ctx.db.prisma.$transaction(async (tx) => {
    const channel = await tx.alertChannel.create({ data: { orgId: ctx.org.id, kind, name, target, language, secret, createdById: actorUserId(ctx.actor) }, select: { id: true } });
    await tx.auditLog.create({ data: { orgId: ctx.org.id, actorUserId: actorUserId(ctx.actor), action: "alert_channel.created", targetType: "alert_channel", targetId: channel.id, details: { name, kind } } });
    return channel;
  });
}

export async function listAlertChannels(ctx: OrgContext): Promise<AlertChannelView[]> {
  requirePermission(ctx, "settings");
  const rows = await ctx.db.prisma.alertChannel.findMany({
    where: { orgId: ctx.org.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, name: true, target: true, language: true, secret: true, enabled: true, createdAt: true },
  });
  return rows.map((row) => ({ ...row, language: row.language === "en" ? "en" : "ja" }));
}

export async function setAlertChannelEnabled(ctx: OrgContext, channelId: string, enabled: boolean): Promise<void> {
  requirePermission(ctx, "settings");
  const { count } = await ctx.db.prisma.alertChannel.updateMany({ where: { id: channelId, orgId: ctx.org.id }, data: { enabled } });
  if (count === 0) throw new NotFoundError("Alert channel not found.");
  await ctx.db.prisma.auditLog.create({ data: { orgId: ctx.org.id, actorUserId: actorUserId(ctx.actor), action: enabled ? "alert_channel.enabled" : "alert_channel.disabled", targetType: "alert_channel", targetId: channelId } });
}

/** Removes the channel and its pending deliveries (their jobs find nothing and stop). */
export async function removeAlertChannel(ctx: OrgContext, channelId: string): Promise<void> {
  requirePermission(ctx, "settings");
  const { count } = await ctx.db.prisma.alertChannel.deleteMany({ where: { id: channelId, orgId: ctx.org.id } });
  if (count === 0) throw new NotFoundError("Alert channel not found.");
  await ctx.db.prisma.auditLog.create({ data: { orgId: ctx.org.id, actorUserId: actorUserId(ctx.actor), action: "alert_channel.removed", targetType: "alert_channel", targetId: channelId } });
}

/** Saves the cost steps from the text a person typed ("10,000 100,000"); empty text: the currency's defaults. */
export async function updateAlertCostSteps(ctx: OrgContext, text: string): Promise<number[]> {
  requirePermission(ctx, "settings");
  const parsed = CostStepsSchema.safeParse(text);
  if (!parsed.success) throw new InvalidInputError("Cost steps are positive whole amounts separated by commas.", "invalid_cost_steps");
  await ctx.db.prisma.organization.update({ where: { id: ctx.org.id }, data: { alertCostSteps: parsed.data } });
  await ctx.db.prisma.auditLog.create({ data: { orgId: ctx.org.id, actorUserId: actorUserId(ctx.actor), action: "alert_cost_steps.updated", details: { steps: parsed.data } } });
  return parsed.data;
}
