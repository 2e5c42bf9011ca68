import "server-only";
import { composeAlert, type AlertLocale } from "@/lib/alerts/compose-alert";
import { failureReason, sendThroughChannel } from "@/lib/alerts/send-through-channel";
import type { Database } from "@/lib/db/org-context";
import { publicBaseUrl, type Env } from "@/lib/env";

// The job behind each alert delivery: gather the incident as it is now, write the alert in the
// channel's language, send it, and record the outcome on the delivery and in the incident's history
// (sent, or failed with the reason and whether it will be retried). Idempotent: a delivery already
// sent is not sent again when its job runs twice (a crash between sending and completing the job).

export type DeliveryAttempt = { number: number; isLast: boolean };

export async function deliverAlert(db: Database, env: Env, deliveryId: string, attempt: DeliveryAttempt): Promise<"sent" | "skipped"> {
  const delivery = await db.prisma.alertDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true, orgId: true, status: true, attempts: true,
      channel: { select: { name: true, kind: true, target: true, secret: true, language: true, enabled: true } },
      alert: { select: { id: true, incidentId: true, createdAt: true, incident: { select: { id: true, status: true, severity: true, firstCallAt: true, lastCallAt: true, calls: true, estimatedCost: true, destinations: true } } } },
      org: { select: { id: true, slug: true, name: true, timeZone: true, currency: true } },
    },
  });
  if (!delivery || delivery.status === "sent" || delivery.status === "cancelled") return "skipped";
  const { channel, alert, org } = delivery;
  if (!channel.enabled) {
    await db.prisma.alertDelivery.update({ where: { id: deliveryId }, data: { status: "cancelled" } });
    return "skipped";
  }
  const earlier = await db.prisma.alert.count({ where: { incidentId: alert.incidentId, createdAt: { lt: alert.createdAt } } });
  const findings = await db.prisma.finding.findMany({
    where: { orgId: org.id, incidentId: alert.incidentId },
    orderBy: [{ score: "desc" }],
    take: 4,
    select: { ruleId: true, day: true, numbers: true, subject: true },
  });
  const message = composeAlert({
    kind: earlier === 0 ? "opened" : "escalated",
    alertId: alert.id,
    org,
    incident: { ...alert.incident, estimatedCost: Number(alert.incident.estimatedCost), destinations: alert.incident.destinations as Record<string, number> },
    findings: findings.map((finding) => ({ ruleId: finding.ruleId, day: finding.day.toISOString().slice(0, 10), numbers: finding.numbers as Record<string, unknown>, subject: finding.subject as Record<string, string> })),
    incidentUrl: `${publicBaseUrl(env)}/orgs/${encodeURIComponent(org.slug)}/incidents/${alert.incidentId}`,
    channelName: channel.name,
  }, channel.language === "en" ? "en" : ("ja" satisfies AlertLocale));
  const recorded = { channel: channel.name, kind: channel.kind, attempt: attempt.number, alertId: alert.id };
  try {
    await sendThroughChannel(env, channel, message, deliveryId);
  } catch (error) {
    const reason = failureReason(error);
    await db.prisma.$transaction([
      db.prisma.alertDelivery.update({ where: { id: deliveryId }, data: { attempts: { increment: 1 }, lastError: reason, status: attempt.isLast ? "failed" : "pending" } }),
      db.prisma.incidentEvent.create({ data: { orgId: org.id, incidentId: alert.incidentId, kind: "alert_failed", details: { ...recorded, reason, willRetry: !attempt.isLast } } }),
    ]);
    throw error;
  }
  await db.prisma.$transaction([
    db.prisma.alertDelivery.update({ where: { id: deliveryId }, data: { attempts: { increment: 1 }, status: "sent", sentAt: new Date(), lastError: null } }),
    db.prisma.incidentEvent.create({ data: { orgId: org.id, incidentId: alert.incidentId, kind: "alert_sent", details: recorded } }),
  ]);
  return "sent";
}
