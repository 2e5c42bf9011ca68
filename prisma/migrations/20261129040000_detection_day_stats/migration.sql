-- What detection learned from each evaluated day's calls (international calls per source, premium
-- minutes, peak concurrency), so later days' baselines read one row per day instead of four weeks
-- of calls: the run after a one-day upload stays fast however large the organization grows.

CREATE TABLE "detection_day_stats" (
    "org_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "stats" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "detection_day_stats_pkey" PRIMARY KEY ("org_id", "day")
);

ALTER TABLE "detection_day_stats" ADD CONSTRAINT "detection_day_stats_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
