import "server-only";
import { actorUserId, requirePermission, type OrgContext } from "@/lib/db/org-context";
import { parseDetectionSettings } from "@/lib/detection/detection-settings.schema";
import { runDetection } from "@/lib/detection/run-detection";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { IncidentChange } from "@/lib/incidents/update-incident.schema";

// The incident lifecycle: status (open → acknowledged → disputed / resolved, or false alarm), notes,
// and the block request and its completion, each recorded as an incident event (the evidence
// pack's timeline) and in the audit log. A false alarm may allow its destinations from now on; any
// change to or from false alarm re-runs detection, since false alarms count as normal history.

export async function updateIncident(ctx: OrgContext, incidentId: string, input: unknown): Promise<void> {
  requirePermission(ctx, "triage");
  const parsed = IncidentChange.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]?.message ?? "Invalid change.", "invalid_incident_change");
  const change = parsed.data;
  const incident = await ctx.db.prisma.incident.findFirst({ where: { id: incidentId, orgId: ctx.org.id } });
  if (!incident) throw new NotFoundError("Incident not found.");

  const requestedAt = change.blockRequestedAt ?? incident.blockRequestedAt;
  if (change.blockCompletedAt && !requestedAt) throw new InvalidInputError("Record when the block was requested before when it took effect.", "block_not_requested");
  if (change.blockCompletedAt && requestedAt && change.blockCompletedAt < requestedAt) throw new InvalidInputError("The block cannot take effect before it was requested.", "block_before_request");
  const destinations = Object.keys(incident.destinations as Record<string, number>);
  const strangers = (change.allowCountries ?? []).filter((country) => !destinations.includes(country));
  if (strangers.length > 0) throw new InvalidInputError(`This incident has no calls to ${strangers.join(", ")}: only its own destinations can be allowed.`, "not_a_destination");

  const actor = actorUserId(ctx.actor);
  const events: { kind: "status_changed" | "note" | "block_requested" | "block_completed"; body?: string; details: Prisma.InputJsonValue }[] = [];
  if (change.status && change.status !== incident.status) events.push({ kind: "status_changed", details: { from: incident.status, to: change.status, allowedCountries: change.allowCountries ?? [] } });
  if (change.note) events.push({ kind: "note", body: change.note, details: {} });
  if (change.blockRequestedAt) events.push({ kind: "block_requested", details: { at: change.blockRequestedAt.toISOString() } });
  if (change.blockCompletedAt) events.push({ kind: "block_completed", details: { at: change.blockCompletedAt.toISOString() } });

  await ctx.db.prisma.$transaction(async (tx) => {
    await tx.incident.update({
      where: { id: incident.id },
      data: { status: change.status, blockRequestedAt: change.blockRequestedAt, blockCompletedAt: change.blockCompletedAt },
    });
    for (const event of events) await tx.incidentEvent.create({ data: { orgId: ctx.org.id, incidentId: incident.id, actorUserId: actor, ...event } });
    if (change.allowCountries) {
      const org = await tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { detectionSettings: true } });
      const settings = parseDetectionSettings(org.detectionSettings);
      const allowedCountries = [...new Set([...settings.allowedCountries, ...change.allowCountries])].sort();
      await tx.organization.update({ where: { id: ctx.org.id }, data: { detectionSettings: { ...settings, allowedCountries } } });
    }
    await tx.auditLog.create({
      data: { orgId: ctx.org.id, actorUserId: actor, action: "incident.updated", targetType: "incident", targetId: incident.id, details: JSON.parse(JSON.stringify(change)) as Prisma.InputJsonValue },
    });
  });
  const touchesFalseAlarm = change.status !== undefined && change.status !== incident.status && (change.status === "false_alarm" || incident.status === "false_alarm");
  if (touchesFalseAlarm || change.allowCountries) await runDetection(ctx);
}
