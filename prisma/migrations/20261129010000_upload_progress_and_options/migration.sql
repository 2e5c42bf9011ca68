-- Uploads say how far they are (bytes received, rows read, an estimate of the total, a heartbeat
-- that tells a running import from one whose process died), remember the options they were
-- imported with, and count the rows skipped as subtotals or repeated headers.

ALTER TABLE "uploads"
    ADD COLUMN "expected_bytes" BIGINT,
    ADD COLUMN "bytes_received" BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN "rows_estimate" INTEGER,
    ADD COLUMN "skipped_count" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "leg_policy" TEXT,
    ADD COLUMN "file_time_zone" TEXT,
    ADD COLUMN "statement_month" CHAR(7),
    ADD COLUMN "started_at" TIMESTAMPTZ(6),
    ADD COLUMN "heartbeat_at" TIMESTAMPTZ(6);

CREATE INDEX "uploads_status_heartbeat_at_idx" ON "uploads"("status", "heartbeat_at");
