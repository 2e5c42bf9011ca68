-- Detection: per-organization settings (business hours, holidays, allowed destinations, rule
-- thresholds, rates) as one validated JSON document; findings keyed for idempotent re-runs; an
-- incident's history (notes, status changes, block request and completion).

ALTER TABLE "organizations" ADD COLUMN "detection_settings" JSONB NOT NULL DEFAULT '{}';

ALTER TABLE "findings" ADD COLUMN "subject_key" TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX "findings_org_id_rule_id_period_start_subject_key_key" ON "findings"("org_id", "rule_id", "period_start", "subject_key");

CREATE TYPE "incident_event_kind" AS ENUM ('opened', 'escalated', 'status_changed', 'note', 'block_requested', 'block_completed');

CREATE TABLE "incident_events" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "incident_id" UUID NOT NULL,
    "kind" "incident_event_kind" NOT NULL,
    "body" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "actor_user_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_events_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "incident_events_org_id_incident_id_created_at_idx" ON "incident_events"("org_id", "incident_id", "created_at");
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
