import "server-only";
import { requirePermission, type OrgContext } from "@/lib/db/org-context";

// Read model of the alerts page: the latest deliveries with their step and outcome.

export type DeliveryRow = {
  id: string;
  incidentId: string;
  channel: string;
  severity: string;
  costStep: number;
  isOpening: boolean;
  status: "pending" | "sent" | "failed" | "cancelled";
  attempts: number;
  lastError: string | null;
  at: Date;
};

export async function getRecentDeliveries(ctx: OrgContext, limit = 30): Promise<DeliveryRow[]> {
  requirePermission(ctx, "settings");
  const rows = await ctx.db.pool.query<DeliveryRow & { cost_step: string; is_opening: boolean; incident_id: string; last_error: string | null }>(
    `SELECT d.id, a.incident_id, c.name AS channel, a.severity, a.cost_step, d.status, d.attempts, d.last_error, coalesce(d.sent_at, d.updated_at) AS at,
            NOT EXISTS (SELECT 1 FROM alerts earlier WHERE earlier.incident_id = a.incident_id AND earlier.created_at < a.created_at) AS is_opening
       FROM alert_deliveries d
       JOIN alerts a ON a.id = d.alert_id
       JOIN alert_channels c ON c.id = d.channel_id
      WHERE d.org_id = $1
      ORDER BY d.created_at DESC
      LIMIT $2`,
    [ctx.org.id, limit],
  );
  return rows.rows.map((row) => ({
    id: row.id,
    incidentId: row.incident_id,
    channel: row.channel,
    severity: row.severity,
    costStep: Number(row.cost_step),
    isOpening: row.is_opening,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    at: row.at,
  }));
}
