import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import type { DetectionContext } from "@/lib/detection/load-detection-input";
import type { EvidenceCall } from "@/lib/evidence-pack/evidence-pack";

// The incident's calls, by the definition its totals were counted with (group-findings-into-incidents.ts):
// fraud-relevant outbound calls between its first and last suspicious call, to the destinations it
// counted — so the pack lists exactly the calls behind the dashboard's headline numbers. Read through
// the partial index on is_fraud_relevant, in start order.

export type IncidentScope = { firstCallAt: Date; lastCallAt: Date; destinations: [string, number][] };

type CallRow = {
  started_at: Date; direction: string; source: string; account: string | null; destination: string; country: string | null; number_type: string;
  duration: number; billable: number; disposition: string; cost: string | null; upload_id: string; row_number: number;
};

export async function loadIncidentCalls(ctx: OrgContext, detection: DetectionContext, incident: IncidentScope): Promise<(EvidenceCall & { account: string | null })[]> {
  const countries = incident.destinations.map(([country]) => country);
  const rows = await ctx.db.pool.query<CallRow>(
    `/* loadIncidentCalls */
     SELECT started_at, direction, source_raw AS source, account_code AS account, coalesce(destination_e164, destination_raw) AS destination,
            destination_country AS country, destination_number_type AS number_type, duration_seconds AS duration, billable_seconds AS billable,
            disposition, cost_amount::text AS cost, upload_id, row_number
       FROM call_records
      WHERE org_id = $1 AND is_fraud_relevant AND direction = 'outbound' AND started_at >= $2 AND started_at <= $3
        AND coalesce(destination_country, '??') = ANY($4::text[])
        AND (coalesce(destination_country <> $5, false) OR destination_number_type IN ('premium_rate', 'shared_cost', 'international_network'))
      ORDER BY started_at, fingerprint`,
    [ctx.org.id, incident.firstCallAt, incident.lastCallAt, countries, ctx.org.countryCode],
  );
  return rows.rows.map((row) => {
    const country = row.country?.trim() || null;
    const carrierCost = row.cost === null ? null : Number(row.cost);
    return {
      startedAt: row.started_at,
      direction: row.direction,
      source: row.source,
      account: row.account,
      destination: row.destination,
      country,
      numberType: row.number_type,
      durationSeconds: row.duration,
      billableSeconds: row.billable,
      disposition: row.disposition,
      charge: detection.rate({ country, numberType: row.number_type, isInternational: country !== ctx.org.countryCode, billableSeconds: row.billable, carrierCost }),
      isChargeEstimated: carrierCost === null,
      uploadId: row.upload_id,
      rowNumber: row.row_number,
    };
  });
}
