-- Alerts (continuous monitoring): channels per organization (email, a JSON webhook, a Slack-compatible
-- webhook); one alert per step an incident reaches (opened, then each higher severity or cost step),
-- unique so two detection runs never alert twice; one delivery per alert and channel, retried by the
-- job queue (pg-boss, its own "pgboss" schema) and recorded in the incident's history.

ALTER TYPE "incident_event_kind" ADD VALUE 'alert_sent';
ALTER TYPE "incident_event_kind" ADD VALUE 'alert_failed';

CREATE TYPE "alert_channel_kind" AS ENUM ('email', 'webhook', 'slack');
CREATE TYPE "alert_delivery_status" AS ENUM ('pending', 'sent', 'failed', 'cancelled');

-- Cost steps (in the organization's currency) whose crossing sends a follow-up; empty: the defaults for its currency.
ALTER TABLE "organizations" ADD COLUMN "alert_cost_steps" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[];

CREATE TABLE "alert_channels" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "kind" "alert_channel_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "secret" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "alert_channels_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "alert_channels_org_id_created_at_idx" ON "alert_channels"("org_id", "created_at");

CREATE TABLE "alerts" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "incident_id" UUID NOT NULL,
    "severity" "finding_severity" NOT NULL,
    "cost_step" DECIMAL(16,4) NOT NULL,
    "estimated_cost" DECIMAL(16,4) NOT NULL,
    "calls" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "alerts_incident_id_severity_cost_step_key" ON "alerts"("incident_id", "severity", "cost_step");
CREATE INDEX "alerts_org_id_created_at_idx" ON "alerts"("org_id", "created_at");

CREATE TABLE "alert_deliveries" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "status" "alert_delivery_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "alert_deliveries_alert_id_channel_id_key" ON "alert_deliveries"("alert_id", "channel_id");
CREATE INDEX "alert_deliveries_org_id_status_idx" ON "alert_deliveries"("org_id", "status");

ALTER TABLE "alert_channels" ADD CONSTRAINT "alert_channels_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "alert_channels" ADD CONSTRAINT "alert_channels_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "alert_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;
