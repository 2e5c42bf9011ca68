import "server-only";
import { costStepReached, costStepsOf } from "@/lib/alerts/cost-steps";
import type { OrgContext } from "@/lib/db/org-context";
import { inTransaction } from "@/lib/db/in-transaction";
import { uuid7 } from "@/lib/db/uuid7";
import { SEVERITY_RANK, type Severity } from "@/lib/detection/detection-rule";
import { ALERT_DELIVERY_RETRIES, QUEUES, executorOf, jobSender } from "@/lib/jobs/job-queue";

// After each detection run: which incidents reached a step they were not alerted for — opened, a
// higher severity, or estimated charges past a higher cost step — and one alert per such step with
// one delivery per enabled channel, queued in the same transaction (so a crash never leaves an alert
// without its jobs, or jobs without their rows). An advisory lock per organization and a unique key
// per (incident, severity, cost step) keep concurrent runs from alerting twice. Only incidents with
// suspicious calls in the last week alert: a monthly upload of an old, finished attack is read on
// the dashboard, not paged.

export const ALERT_RECENCY_MS = 7 * 24 * 3600 * 1000;
const ACTIVE_STATUSES = ["open", "acknowledged", "disputed"];

type Candidate = { id: string; severity: Severity; cost: number; calls: number; alerted_rank: number | null; alerted_step: number | null };

/** Returns the number of alerts created. */
export async function planAlerts(ctx: OrgContext, now: Date = new Date()): Promise<number> {
  const channels = await ctx.db.prisma.alertChannel.findMany({ where: { orgId: ctx.org.id, enabled: true }, select: { id: true } });
  if (channels.length === 0) return 0;
  const org = await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { alertCostSteps: true, currency: true } });
  const steps = costStepsOf(org);
  const boss = await jobSender(ctx.db);
  return inTransaction(ctx.db.pool, async (client) => {
    let created = 0;
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`alerts:${ctx.org.id}`]);
    const candidates = await client.query<Candidate>(
      `SELECT i.id, i.severity, i.estimated_cost::float8 AS cost, i.calls,
              (SELECT max(CASE a.severity WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 ELSE 4 END) FROM alerts a WHERE a.incident_id = i.id) AS alerted_rank,
              (SELECT max(a.cost_step)::float8 FROM alerts a WHERE a.incident_id = i.id) AS alerted_step
         FROM incidents i
        WHERE i.org_id = $1 AND i.status::text = ANY($2::text[]) AND i.last_call_at >= $3
        ORDER BY i.first_call_at`,
      [ctx.org.id, ACTIVE_STATUSES, new Date(now.getTime() - ALERT_RECENCY_MS)],
    );
    for (const incident of candidates.rows) {
      const step = costStepReached(incident.cost, steps);
      const isNew = incident.alerted_rank === null;
      if (!isNew && SEVERITY_RANK[incident.severity] <= incident.alerted_rank! && step <= (incident.alerted_step ?? 0)) continue;
      const alertId = uuid7();
      const inserted = await client.query(
        `INSERT INTO alerts (id, org_id, incident_id, severity, cost_step, estimated_cost, calls)
         VALUES ($1, $2, $3, $4::finding_severity, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [alertId, ctx.org.id, incident.id, incident.severity, step, incident.cost, incident.calls],
      );
      if (inserted.rowCount === 0) continue;
      for (const channel of channels) {
        const deliveryId = uuid7();
        await client.query(`INSERT INTO alert_deliveries (id, org_id, alert_id, channel_id, updated_at) VALUES ($1, $2, $3, $4, now())`, [deliveryId, ctx.org.id, alertId, channel.id]);
        await boss.send(QUEUES.alertDelivery, { deliveryId }, { ...ALERT_DELIVERY_RETRIES, singletonKey: deliveryId, db: executorOf(client) });
      }
      created++;
    }
    return created;
  });
}
