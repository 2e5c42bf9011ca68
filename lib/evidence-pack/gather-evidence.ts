import "server-only";
import { randomBytes } from "node:crypto";
import type { OrgContext } from "@/lib/db/org-context";
import { paramsFor } from "@/lib/detection/call-sets";
import { loadDetectionContext } from "@/lib/detection/load-detection-input";
import { DETECTION_RULES } from "@/lib/detection/rules/registry";
import type { EvidencePack } from "@/lib/evidence-pack/evidence-pack";
import { loadIncidentCalls } from "@/lib/evidence-pack/load-incident-calls";
import { loadProvenance } from "@/lib/evidence-pack/load-provenance";
import { loadMonths, loadUsualHours } from "@/lib/evidence-pack/load-usual-traffic";
import { localTimeIn, shapeDestinations, shapeDurations, shapeHourOfDay, shapeSources, shapeTimeline, shapeTotals } from "@/lib/evidence-pack/shape-pattern";
import { NotFoundError } from "@/lib/errors";
import { showCdrText } from "@/lib/format/cdr-text";
import { getIncidentPage } from "@/lib/queries/incident-page";

// Gather: one incident's evidence as data (documenso's gather/render split). The incident, its
// findings and history come from the incident page's own read model, so the pack's headline numbers
// are the dashboard's; the calls, the usual traffic and the source files are read beside it.

export async function gatherEvidence(ctx: OrgContext, incidentId: string, now = new Date()): Promise<EvidencePack> {
  const incident = await getIncidentPage(ctx, incidentId);
  if (!incident) throw new NotFoundError("Incident not found.");
  const detection = await loadDetectionContext(ctx);
  const countries = incident.destinations.map(([country]) => country);
  const [calls, usual, months, preparedBy] = await Promise.all([
    loadIncidentCalls(ctx, detection, incident),
    loadUsualHours(ctx, incident.firstCallAt),
    loadMonths(ctx, incident.firstCallAt, countries),
    preparerName(ctx),
  ]);
  const uploads = await loadProvenance(ctx, calls);
  const { findings, events, ...summary } = incident;
  const localTime = localTimeIn(ctx.org.timeZone);
  const { settings } = detection;
  return {
    reportId: reportIdFor(now),
    generatedAt: now,
    preparedBy,
    org: { name: showCdrText(ctx.org.name), timeZone: ctx.org.timeZone, currency: ctx.org.currency, countryCode: ctx.org.countryCode },
    incident: summary,
    totals: shapeTotals(calls, settings, localTime),
    sources: shapeSources(calls),
    timeline: shapeTimeline(calls, usual, localTime),
    hourOfDay: shapeHourOfDay(calls, usual, localTime),
    durations: shapeDurations(calls),
    ...shapeDestinations(calls),
    months,
    findings,
    method: {
      rules: DETECTION_RULES.map((rule) => ({ ruleId: rule.id, isEnabled: settings.rules[rule.id]?.enabled ?? true, params: paramsFor(rule.defaults, settings.rules[rule.id]?.params) })),
      businessHours: settings.businessHours,
      lines: settings.lines,
      allowedCountries: settings.allowedCountries,
    },
    uploads,
    events: events.map(({ kind, at, actor, body, details }) => ({ kind, at, actor, body, details })),
    calls: calls.map(({ account: _account, ...call }) => call),
  };
}

/** "EP-20261205-9F3A1C": the day it was made and a random part, quoted in the audit log and the letter. */
function reportIdFor(now: Date): string {
  return `EP-${now.toISOString().slice(0, 10).replaceAll("-", "")}-${randomBytes(3).toString("hex").toUpperCase()}`;
}

async function preparerName(ctx: OrgContext): Promise<string | null> {
  if (ctx.actor.kind !== "user") return null;
  const user = await ctx.db.prisma.user.findUnique({ where: { id: ctx.actor.userId }, select: { name: true } });
  return user?.name ?? null;
}
