import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import type { DetectionContext } from "@/lib/detection/load-detection-input";

// What the incident's calls cost between the customer's request to block international calls and
// the block taking effect (or now, while it has not): in 2015 NTT refunded exactly this window.

export type BlockWindow = { requestedAt: string; completedAt: string | null; calls: number; estimatedCost: number };

export async function blockWindowOf(
  ctx: OrgContext,
  detection: DetectionContext,
  incident: { blockRequestedAt: Date | null; blockCompletedAt: Date | null; destinations: unknown },
): Promise<BlockWindow | null> {
  if (!incident.blockRequestedAt) return null;
  const countries = Object.keys((incident.destinations ?? {}) as Record<string, number>).filter((country) => /^[A-Z]{2}$/.test(country));
  const until = incident.blockCompletedAt ?? new Date();
  const rows = await ctx.db.pool.query<{ country: string | null; number_type: string; calls: number; billable: string; carrier_cost: string | null }>(
    `SELECT destination_country AS country, destination_number_type AS number_type, count(*)::int AS calls,
            sum(billable_seconds)::bigint AS billable, sum(cost_amount) AS carrier_cost
       FROM call_records
      WHERE org_id = $1 AND direction = 'outbound' AND started_at >= $2 AND started_at < $3 AND destination_country = ANY($4::text[])
      GROUP BY 1, 2`,
    [ctx.org.id, incident.blockRequestedAt, until, countries],
  );
  let calls = 0;
  let cost = 0;
  for (const row of rows.rows) {
    calls += row.calls;
    cost += detection.rate({ country: row.country, numberType: row.number_type, isInternational: row.country !== ctx.org.countryCode, billableSeconds: Number(row.billable), carrierCost: row.carrier_cost === null ? null : Number(row.carrier_cost) });
  }
  return { requestedAt: incident.blockRequestedAt.toISOString(), completedAt: incident.blockCompletedAt?.toISOString() ?? null, calls, estimatedCost: Math.round(cost) };
}
