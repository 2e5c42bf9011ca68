-- The calls explorer's filters that matter in a fraud case — a country abroad, a foreign "+code"
-- prefix — select marked calls only (is_fraud_relevant, a few percent of the calls), so two more
-- partial indexes over those rows find them without reading the rest (npm run bench:queries: 10
-- million calls). Loading pays for them on the marked rows alone. Prisma cannot express partial
-- indexes: they are listed in HAND_WRITTEN_INDEXES (tests/integration/schema-matches-migrations.test.ts).
CREATE INDEX "call_records_org_id_destination_country_started_at_fraud_idx" ON "call_records"("org_id", "destination_country", "started_at") WHERE "is_fraud_relevant";
CREATE INDEX "call_records_org_id_destination_e164_fraud_idx" ON "call_records"("org_id", "destination_e164" text_pattern_ops) WHERE "is_fraud_relevant";
