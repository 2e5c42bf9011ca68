-- is_fraud_relevant now also marks every call to a destination abroad or in no country (a
-- non-geographic E.164 number), whatever its direction (lib/storage/fraud-relevance.ts,
-- markedFraudRelevantSql), so the calls explorer finds calls by a foreign country or a "+<code>"
-- prefix through the partial index instead of reading every call. Detection keeps its own test.
UPDATE "call_records" AS c SET "is_fraud_relevant" = true
  FROM "organizations" AS o
 WHERE o."id" = c."org_id"
   AND NOT c."is_fraud_relevant"
   AND (c."destination_country" <> o."country_code" OR (c."destination_country" IS NULL AND c."destination_e164" IS NOT NULL));
