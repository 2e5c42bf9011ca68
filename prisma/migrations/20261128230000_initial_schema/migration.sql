-- Tollwatch initial schema. Written by hand in Prisma's naming conventions (prisma migrate diff
-- cannot run here); tests/integration/schema-matches-migrations.test.ts checks it against
-- prisma/schema.prisma.

-- CreateEnum
CREATE TYPE "member_role" AS ENUM ('owner', 'admin', 'analyst', 'viewer');
CREATE TYPE "upload_status" AS ENUM ('pending', 'processing', 'completed', 'failed');
CREATE TYPE "call_direction" AS ENUM ('outbound', 'inbound', 'internal', 'unknown');
CREATE TYPE "call_disposition" AS ENUM ('answered', 'no_answer', 'busy', 'failed', 'unknown');
CREATE TYPE "number_type" AS ENUM ('fixed_line', 'mobile', 'fixed_line_or_mobile', 'toll_free', 'premium_rate', 'shared_cost', 'voip', 'personal_number', 'pager', 'uan', 'voicemail', 'international_network', 'extension', 'masked', 'unknown');
CREATE TYPE "finding_severity" AS ENUM ('low', 'medium', 'high', 'critical');
CREATE TYPE "incident_status" AS ENUM ('open', 'acknowledged', 'false_alarm', 'disputed', 'resolved');

-- CreateTable
CREATE TABLE "organizations" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country_code" CHAR(2) NOT NULL DEFAULT 'JP',
    "time_zone" TEXT NOT NULL DEFAULT 'Asia/Tokyo',
    "currency" CHAR(3) NOT NULL DEFAULT 'JPY',
    "dial_out_prefix" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "members" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "member_role" NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "members_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "uploads" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "uploaded_by_id" UUID,
    "file_name" TEXT NOT NULL,
    "file_size_bytes" BIGINT NOT NULL DEFAULT 0,
    "sha256" CHAR(64),
    "format" TEXT,
    "encoding" TEXT,
    "status" "upload_status" NOT NULL DEFAULT 'pending',
    "status_message" TEXT,
    "rows_read" INTEGER NOT NULL DEFAULT 0,
    "imported_count" INTEGER NOT NULL DEFAULT 0,
    "duplicate_count" INTEGER NOT NULL DEFAULT 0,
    "merged_leg_count" INTEGER NOT NULL DEFAULT 0,
    "rejected_count" INTEGER NOT NULL DEFAULT 0,
    "first_call_at" TIMESTAMPTZ(6),
    "last_call_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(6),

    CONSTRAINT "uploads_pkey" PRIMARY KEY ("id")
);

-- Call records are range-partitioned by month of started_at; lib/storage creates the monthly
-- partitions (call_records_yYYYYmMM) before loading. Identity columns on partitioned tables need
-- PostgreSQL 17, so the id comes from a plain sequence to keep PostgreSQL 15+ supported.
CREATE SEQUENCE "call_records_id_seq";

CREATE TABLE "call_records" (
    "id" BIGINT NOT NULL DEFAULT nextval('call_records_id_seq'),
    "org_id" UUID NOT NULL,
    "upload_id" UUID NOT NULL,
    "row_number" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(6) NOT NULL,
    "answered_at" TIMESTAMPTZ(6),
    "ended_at" TIMESTAMPTZ(6),
    "duration_seconds" INTEGER NOT NULL,
    "billable_seconds" INTEGER NOT NULL,
    "direction" "call_direction" NOT NULL,
    "disposition" "call_disposition" NOT NULL,
    "source_raw" TEXT NOT NULL,
    "source_e164" TEXT,
    "destination_raw" TEXT NOT NULL,
    "destination_e164" TEXT,
    "destination_country" CHAR(2),
    "destination_number_type" "number_type" NOT NULL,
    "account_code" TEXT,
    "caller_name" TEXT,
    "source_channel" TEXT,
    "destination_channel" TEXT,
    "call_id" TEXT,
    "cost_amount" DECIMAL(14,4),
    "cost_currency" CHAR(3),
    "fingerprint" BYTEA NOT NULL,

    CONSTRAINT "call_records_pkey" PRIMARY KEY ("org_id", "started_at", "id")
) PARTITION BY RANGE ("started_at");

ALTER SEQUENCE "call_records_id_seq" OWNED BY "call_records"."id";

CREATE TABLE "rejected_rows" (
    "id" BIGSERIAL NOT NULL,
    "org_id" UUID NOT NULL,
    "upload_id" UUID NOT NULL,
    "row_number" INTEGER NOT NULL,
    "reason_code" TEXT NOT NULL,
    "detail" TEXT,
    "raw_line" TEXT NOT NULL,

    CONSTRAINT "rejected_rows_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "daily_stats" (
    "org_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "direction" "call_direction" NOT NULL,
    "destination_country" CHAR(2) NOT NULL,
    "calls" INTEGER NOT NULL,
    "answered_calls" INTEGER NOT NULL,
    "billable_seconds" BIGINT NOT NULL,
    "estimated_cost" DECIMAL(16,4) NOT NULL,
    "distinct_destinations" INTEGER NOT NULL,
    "short_calls" INTEGER NOT NULL,

    CONSTRAINT "daily_stats_pkey" PRIMARY KEY ("org_id", "day", "direction", "destination_country")
);

CREATE TABLE "hourly_stats" (
    "org_id" UUID NOT NULL,
    "hour_start" TIMESTAMPTZ(6) NOT NULL,
    "direction" "call_direction" NOT NULL,
    "destination_country" CHAR(2) NOT NULL,
    "calls" INTEGER NOT NULL,
    "answered_calls" INTEGER NOT NULL,
    "billable_seconds" BIGINT NOT NULL,
    "estimated_cost" DECIMAL(16,4) NOT NULL,
    "distinct_destinations" INTEGER NOT NULL,
    "short_calls" INTEGER NOT NULL,

    CONSTRAINT "hourly_stats_pkey" PRIMARY KEY ("org_id", "hour_start", "direction", "destination_country")
);

CREATE TABLE "findings" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "rule_id" TEXT NOT NULL,
    "severity" "finding_severity" NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "day" DATE NOT NULL,
    "period_start" TIMESTAMPTZ(6) NOT NULL,
    "period_end" TIMESTAMPTZ(6) NOT NULL,
    "subject" JSONB NOT NULL DEFAULT '{}',
    "numbers" JSONB NOT NULL,
    "incident_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "findings_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "incidents" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "status" "incident_status" NOT NULL DEFAULT 'open',
    "severity" "finding_severity" NOT NULL,
    "first_call_at" TIMESTAMPTZ(6) NOT NULL,
    "last_call_at" TIMESTAMPTZ(6) NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "estimated_cost" DECIMAL(16,4) NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "destinations" JSONB NOT NULL DEFAULT '{}',
    "block_requested_at" TIMESTAMPTZ(6),
    "block_completed_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "audit_logs" (
    "id" BIGSERIAL NOT NULL,
    "org_id" UUID,
    "actor_user_id" UUID,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "ip_address" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations"("slug");
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE UNIQUE INDEX "members_org_id_user_id_key" ON "members"("org_id", "user_id");
CREATE INDEX "members_user_id_idx" ON "members"("user_id");
CREATE UNIQUE INDEX "uploads_org_id_id_key" ON "uploads"("org_id", "id");
CREATE INDEX "uploads_org_id_created_at_idx" ON "uploads"("org_id", "created_at");
CREATE UNIQUE INDEX "call_records_org_id_started_at_fingerprint_key" ON "call_records"("org_id", "started_at", "fingerprint");
CREATE INDEX "call_records_org_id_upload_id_idx" ON "call_records"("org_id", "upload_id");
CREATE INDEX "rejected_rows_org_id_upload_id_row_number_idx" ON "rejected_rows"("org_id", "upload_id", "row_number");
CREATE INDEX "findings_org_id_day_idx" ON "findings"("org_id", "day");
CREATE INDEX "findings_org_id_incident_id_idx" ON "findings"("org_id", "incident_id");
CREATE INDEX "incidents_org_id_status_idx" ON "incidents"("org_id", "status");
CREATE INDEX "incidents_org_id_first_call_at_idx" ON "incidents"("org_id", "first_call_at");
CREATE INDEX "audit_logs_org_id_created_at_idx" ON "audit_logs"("org_id", "created_at");

-- AddForeignKey
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "members" ADD CONSTRAINT "members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_org_id_upload_id_fkey" FOREIGN KEY ("org_id", "upload_id") REFERENCES "uploads"("org_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "rejected_rows" ADD CONSTRAINT "rejected_rows_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "rejected_rows" ADD CONSTRAINT "rejected_rows_org_id_upload_id_fkey" FOREIGN KEY ("org_id", "upload_id") REFERENCES "uploads"("org_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "daily_stats" ADD CONSTRAINT "daily_stats_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "hourly_stats" ADD CONSTRAINT "hourly_stats_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "findings" ADD CONSTRAINT "findings_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "findings" ADD CONSTRAINT "findings_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
