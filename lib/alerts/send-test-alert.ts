import "server-only";
import { randomUUID } from "node:crypto";
import { composeTestAlert } from "@/lib/alerts/compose-alert";
import { failureReason, sendThroughChannel } from "@/lib/alerts/send-through-channel";
import { actorUserId, requirePermission, type OrgContext } from "@/lib/db/org-context";
import type { Env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";

// "Send a test": the channel's transport now, without the queue, so the person setting it up sees
// at once whether the address or URL works (and why not).

export async function sendTestAlert(ctx: OrgContext, env: Env, channelId: string): Promise<{ name: string; ok: true } | { name: string; ok: false; reason: string }> {
  requirePermission(ctx, "settings");
  const channel = await ctx.db.prisma.alertChannel.findFirst({ where: { id: channelId, orgId: ctx.org.id }, select: { name: true, kind: true, target: true, secret: true, language: true } });
  if (!channel) throw new NotFoundError("Alert channel not found.");
  const message = composeTestAlert(ctx.org, channel.name, channel.language === "en" ? "en" : "ja");
  let reason: string | null = null;
  try {
    await sendThroughChannel(env, channel, message, `test-${randomUUID()}`);
  } catch (error) {
    reason = failureReason(error);
  }
  await ctx.db.prisma.auditLog.create({
    data: { orgId: ctx.org.id, actorUserId: actorUserId(ctx.actor), action: "alert_channel.tested", targetType: "alert_channel", targetId: channelId, details: { ok: reason === null, reason } },
  });
  return reason === null ? { name: channel.name, ok: true } : { name: channel.name, ok: false, reason };
}
