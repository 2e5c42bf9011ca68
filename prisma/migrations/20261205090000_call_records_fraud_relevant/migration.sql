-- Detection reads only the calls that matter for fraud (outbound international or to premium-rate,
-- shared-cost, UAN and international-network numbers, inbound from abroad): a small share of an
-- organization's calls, which it used to find by reading every call through the primary key. The
-- loader now marks them (lib/storage/fraud-relevance.ts) and a partial index covers only the marked
-- rows, so loading pays for it on that share alone. Prisma cannot express a partial index; it is
-- listed in HAND_WRITTEN_INDEXES (tests/integration/schema-matches-migrations.test.ts).

ALTER TABLE "call_records" ADD COLUMN "is_fraud_relevant" BOOLEAN NOT NULL DEFAULT false;

-- Calls loaded before: exact for outbound; every inbound call with an E.164 caller is marked, as SQL
-- does not know each organization's calling code (detection still tests the caller). A no-op on an
-- empty database.
UPDATE "call_records" AS c SET "is_fraud_relevant" = true
  FROM "organizations" AS o
 WHERE o."id" = c."org_id"
   AND ((c."direction" = 'outbound' AND (c."destination_country" <> o."country_code"
          OR c."destination_number_type" IN ('premium_rate', 'shared_cost', 'uan', 'international_network')))
     OR (c."direction" = 'inbound' AND c."source_e164" IS NOT NULL));

CREATE INDEX "call_records_org_id_started_at_fraud_relevant_idx" ON "call_records"("org_id", "started_at") WHERE "is_fraud_relevant";
