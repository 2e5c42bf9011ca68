import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import { SEVERITY_RANK, type Severity } from "@/lib/detection/detection-rule";
import type { DetectionContext } from "@/lib/detection/load-detection-input";

// Findings of medium severity or above that follow one another (less than a day apart) are one
// incident: its first and last suspicious call, calls, estimated cost and destinations come from
// the calls themselves. Incidents keep their id, status and history when re-detection reshapes
// them; an incident nobody touched disappears when its findings do. After an upload only the
// incidents whose findings changed are recounted (their calls are summed from call_records).

const GAP_MS = 24 * 3600 * 1000;
const FLAGGING: Severity[] = ["medium", "high", "critical"];

type FindingRow = { id: string; severity: Severity; day: Date; periodStart: Date; periodEnd: Date; numbers: unknown; incidentId: string | null };
type Cluster = { findings: FindingRow[]; startMs: number; endMs: number };

/** `evaluatedDays`: the days whose findings were just replaced (all of them when omitted). */
export async function groupFindingsIntoIncidents(ctx: OrgContext, detection: DetectionContext, evaluatedDays?: ReadonlySet<string>): Promise<number> {
  const findings = (await ctx.db.prisma.finding.findMany({
    where: { orgId: ctx.org.id, severity: { in: FLAGGING } },
    orderBy: { periodStart: "asc" },
    select: { id: true, severity: true, day: true, periodStart: true, periodEnd: true, numbers: true, incidentId: true },
  })) as FindingRow[];
  const clusters: Cluster[] = [];
  for (const finding of findings) {
    const last = clusters.at(-1);
    if (last && finding.periodStart.getTime() <= last.endMs + GAP_MS) {
      last.findings.push(finding);
      last.endMs = Math.max(last.endMs, finding.periodEnd.getTime());
    } else {
      clusters.push({ findings: [finding], startMs: finding.periodStart.getTime(), endMs: finding.periodEnd.getTime() });
    }
  }
  const existing = await ctx.db.prisma.incident.findMany({ where: { orgId: ctx.org.id }, select: { id: true, severity: true, firstCallAt: true, lastCallAt: true, _count: { select: { events: { where: { kind: { in: ["note", "status_changed", "block_requested", "block_completed"] } } } } } } });
  const used = new Set<string>();
  const findingsPerIncident = new Map<string, number>();
  for (const finding of findings) if (finding.incidentId) findingsPerIncident.set(finding.incidentId, (findingsPerIncident.get(finding.incidentId) ?? 0) + 1);
  for (const cluster of clusters) {
    const match = existing.find((incident) => !used.has(incident.id) && (cluster.findings.some((finding) => finding.incidentId === incident.id) ||
      (incident.firstCallAt.getTime() <= cluster.endMs && incident.lastCallAt.getTime() >= cluster.startMs)));
    const isUnchanged = evaluatedDays !== undefined && match !== undefined && findingsPerIncident.get(match.id) === cluster.findings.length &&
      cluster.findings.every((finding) => finding.incidentId === match.id && !evaluatedDays.has(finding.day.toISOString().slice(0, 10)));
    if (isUnchanged) {
      used.add(match.id);
      continue;
    }
    const totals = await incidentTotals(ctx, detection, cluster);
    const severity = cluster.findings.reduce<Severity>((worst, finding) => (SEVERITY_RANK[finding.severity] > SEVERITY_RANK[worst] ? finding.severity : worst), "medium");
    const data = { severity, ...totals, currency: ctx.org.currency };
    const incidentId = match
      ? (await ctx.db.prisma.incident.update({ where: { id: match.id }, data, select: { id: true } })).id
      : (await ctx.db.prisma.incident.create({ data: { ...data, orgId: ctx.org.id, status: "open" }, select: { id: true } })).id;
    if (!match) await ctx.db.prisma.incidentEvent.create({ data: { orgId: ctx.org.id, incidentId, kind: "opened", details: { severity } } });
    else if (SEVERITY_RANK[severity] > SEVERITY_RANK[match.severity as Severity]) {
      await ctx.db.prisma.incidentEvent.create({ data: { orgId: ctx.org.id, incidentId, kind: "escalated", details: { from: match.severity, to: severity } } });
    }
    used.add(incidentId);
    await ctx.db.prisma.finding.updateMany({ where: { orgId: ctx.org.id, id: { in: cluster.findings.map((finding) => finding.id) } }, data: { incidentId } });
  }
  const untouched = existing.filter((incident) => !used.has(incident.id) && incident._count.events === 0).map((incident) => incident.id);
  if (untouched.length > 0) await ctx.db.prisma.incident.deleteMany({ where: { orgId: ctx.org.id, id: { in: untouched } } });
  await ctx.db.prisma.finding.updateMany({ where: { orgId: ctx.org.id, severity: "low" }, data: { incidentId: null } });
  return clusters.length;
}

/** The suspicious calls of a cluster: to the countries its findings name, within its period. */
async function incidentTotals(ctx: OrgContext, detection: DetectionContext, cluster: Cluster) {
  const countries = suspiciousCountries(cluster.findings).filter((country) => country !== ctx.org.countryCode);
  const rows = await ctx.db.pool.query<{ country: string | null; number_type: string; calls: number; billable: string; carrier_cost: string | null; first_at: Date; last_at: Date }>(
    `SELECT destination_country AS country, destination_number_type AS number_type, count(*)::int AS calls,
            sum(billable_seconds)::bigint AS billable, sum(cost_amount) AS carrier_cost, min(started_at) AS first_at, max(started_at) AS last_at
       FROM call_records
      WHERE org_id = $1 AND is_fraud_relevant AND direction = 'outbound' AND started_at >= $2 AND started_at <= $3
        AND (CASE WHEN cardinality($4::text[]) > 0 THEN destination_country = ANY($4::text[])
                  ELSE destination_country <> $5 OR destination_number_type IN ('premium_rate', 'shared_cost', 'international_network') END)
      GROUP BY 1, 2`,
    [ctx.org.id, new Date(cluster.startMs), new Date(cluster.endMs), countries, ctx.org.countryCode],
  );
  const destinations: Record<string, number> = {};
  let calls = 0;
  let cost = 0;
  for (const row of rows.rows) {
    const country = row.country?.trim() || "??";
    destinations[country] = (destinations[country] ?? 0) + row.calls;
    calls += row.calls;
    cost += detection.rate({ country: row.country, numberType: row.number_type, isInternational: row.country !== ctx.org.countryCode, billableSeconds: Number(row.billable), carrierCost: row.carrier_cost === null ? null : Number(row.carrier_cost) });
  }
  const firsts = rows.rows.map((row) => row.first_at.getTime());
  const lasts = rows.rows.map((row) => row.last_at.getTime());
  return {
    calls,
    estimatedCost: Math.round(cost),
    destinations,
    firstCallAt: new Date(firsts.length ? Math.min(...firsts) : cluster.startMs),
    lastCallAt: new Date(lasts.length ? Math.max(...lasts) : cluster.endMs),
  };
}

/**
 * The destinations the findings accuse: the countries named by novelty and high-risk findings when
 * there are any (a busy day's top destinations also list the business's ordinary calls), else the
 * top destinations of the volume, cost and timing findings.
 */
function suspiciousCountries(findings: readonly FindingRow[]): string[] {
  const records = findings.map((finding) => (finding.numbers ?? {}) as { country?: unknown; destination?: unknown; topDestinations?: { country?: unknown }[] });
  const named = records.flatMap((record) => [record.country, record.destination]).filter(isCountryCode);
  if (named.length > 0) return [...new Set(named)];
  return [...new Set(records.flatMap((record) => (record.topDestinations ?? []).map((entry) => entry.country)).filter(isCountryCode))];
}

function isCountryCode(value: unknown): value is string {
  return typeof value === "string" && /^[A-Z]{2}$/.test(value);
}
