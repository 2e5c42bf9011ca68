import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPgPool } from "@/lib/db/pg-pool";
import { createPrismaClient } from "@/lib/db/prisma";
import { DEFAULT_MIGRATIONS_DIR, migrateDatabase } from "@/lib/db/migrate";
import type { OrgContext } from "@/lib/db/org-context";
import { runIngest } from "@/lib/ingest/run-ingest";
import { ensureMonthPartitions } from "@/lib/storage/ensure-month-partitions";
import { callingCodeOf, isMarkedFraudRelevant, markedFraudRelevantSql } from "@/lib/storage/fraud-relevance";
import type { CallDirection, NumberType } from "@/lib/ingest/normalize/call-record";
import { createOrg } from "@/prisma/seed/create-org";
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// call_records.is_fraud_relevant marks the calls detection reads (through a partial index): set
// exactly by the loader, and by the migration that added it for the calls already stored.

let db: TestDatabase;
let ctx: OrgContext;

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = await createOrg(db, { timeZone: "Asia/Tokyo", countryCode: "JP" });
});
afterAll(() => db.drop());

async function* bytes(text: string) {
  yield Buffer.from(text);
}

function masterLine(source: string, destination: string, context: string, id: string): string {
  return `"","${source}","${destination}","${context}","""Caller"" <${source}>","PJSIP/${source}-1","PJSIP/trunk-1","Dial","PJSIP/${destination}@trunk","2026-03-02 10:00:${id.padStart(2, "0")}","2026-03-02 10:00:${id.padStart(2, "0")}","2026-03-02 10:05:00",300,290,"ANSWERED","DOCUMENTATION","1772413200.${id}",""`;
}

test("the loader marks outbound international and premium-type calls and inbound calls from abroad", async () => {
  const master = [
    masterLine("201", "0312345678", "from-internal", "1"), // domestic landline
    masterLine("201", "01012125551234", "from-internal", "2"), // the US
    masterLine("201", "0990512345", "from-internal", "3"), // premium rate
    masterLine("201", "0570012345", "from-internal", "4"), // navi dial
    masterLine("0612345678", "201", "from-trunk", "5"), // domestic caller
    masterLine("+442071234567", "201", "from-trunk", "6"), // caller in London
    masterLine("anonymous", "201", "from-trunk", "7"), // no number
  ].join("\n");
  await runIngest(ctx, { source: bytes(master), fileName: "Master.csv", maxBytes: 1e6 });
  const rows = await db.pool.query<{ row: number; type: string; relevant: boolean }>(
    `SELECT row_number AS row, destination_number_type AS type, is_fraud_relevant AS relevant FROM call_records WHERE org_id = $1 ORDER BY row_number`,
    [ctx.org.id],
  );
  expect(rows.rows.map((row) => [row.row, row.relevant])).toEqual([[1, false], [2, true], [3, true], [4, true], [5, false], [6, true], [7, false]]);
  expect(rows.rows.slice(2, 4).map((row) => row.type)).toEqual(["premium_rate", expect.stringMatching(/^(shared_cost|uan)$/)]);
});

test("the loader's own decision equals the SQL one for every combination of the fields it reads", async () => {
  const directions: CallDirection[] = ["outbound", "inbound", "internal", "unknown"];
  const countries = [null, "JP", "SL", "US"];
  const destinations = [null, "+81312345678", "+23276123456", "+881612345678"];
  const types: NumberType[] = ["fixed_line", "mobile", "fixed_line_or_mobile", "toll_free", "premium_rate", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail", "international_network", "extension", "masked", "unknown"];
  const sources = [null, "+81612345678", "+442071234567"];
  const calls = directions.flatMap((direction) => countries.flatMap((destinationCountry) => destinations.flatMap((destinationE164) =>
    types.flatMap((destinationNumberType) => sources.map((sourceE164) => ({ direction, destinationCountry, destinationE164, destinationNumberType, sourceE164 }))))));
  const decided = await db.pool.query<{ marked: boolean }>(
    `SELECT ${markedFraudRelevantSql("c", "$6", "$7")} AS marked
       FROM unnest($1::call_direction[], $2::char(2)[], $3::text[], $4::number_type[], $5::text[]) WITH ORDINALITY
            AS c(direction, destination_country, destination_e164, destination_number_type, source_e164, position)
      ORDER BY c.position`,
    [calls.map((c) => c.direction), calls.map((c) => c.destinationCountry), calls.map((c) => c.destinationE164),
      calls.map((c) => c.destinationNumberType), calls.map((c) => c.sourceE164), "JP", callingCodeOf("JP")],
  );
  const inJs = calls.map((call) => isMarkedFraudRelevant(call, "JP", callingCodeOf("JP")));
  expect(inJs).toEqual(decided.rows.map((row) => row.marked));
  expect(inJs.filter(Boolean).length).toBeGreaterThan(calls.length / 4);
  expect(inJs.filter((marked) => !marked).length).toBeGreaterThan(calls.length / 4);
});

test("the migration that adds the mark sets it for the calls already stored", async () => {
  const database = await createEmptyDatabase();
  const earlier = await fs.mkdtemp(path.join(os.tmpdir(), "tollwatch-migrations-"));
  try {
    await fs.cp(DEFAULT_MIGRATIONS_DIR, earlier, { recursive: true });
    // The database as it was before the mark: that migration and every later one not applied yet.
    for (const name of await fs.readdir(earlier)) if (name >= "20261205090000") await fs.rm(path.join(earlier, name), { recursive: true, force: true });
    await migrateDatabase(database.url, { migrationsDir: earlier });
    const old = { prisma: createPrismaClient(database.url), pool: createPgPool(database.url) };
    try {
      // Written in SQL: the Prisma client knows columns later migrations add.
      const inserted = await old.pool.query<{ id: string }>(
        `INSERT INTO organizations (id, slug, name, country_code, time_zone, currency, updated_at) VALUES (gen_random_uuid(), 'before-the-mark', 'Before the mark', 'JP', 'Asia/Tokyo', 'JPY', now()) RETURNING id`,
      );
      const org = { org: { id: inserted.rows[0].id } };
      await ensureMonthPartitions(old.pool, [new Date("2026-03-01T00:00:00Z")]);
      const calls: [string, string, string, string | null, string | null][] = [
        // direction, source, destination number type, destination country, source E.164
        ["outbound", "201", "fixed_line", "JP", null],
        ["outbound", "201", "fixed_line", "US", null],
        ["outbound", "201", "premium_rate", "JP", null],
        ["outbound", "201", "unknown", null, null],
        ["inbound", "0612345678", "extension", null, "+81612345678"],
        ["inbound", "anonymous", "extension", null, null],
      ];
      for (const [index, [direction, source, type, country, sourceE164]] of calls.entries()) {
        await old.pool.query(
          `INSERT INTO call_records (org_id, upload_id, row_number, started_at, duration_seconds, billable_seconds, direction, disposition,
                                     source_raw, source_e164, destination_raw, destination_country, destination_number_type, fingerprint)
           VALUES ($1, gen_random_uuid(), $2, '2026-03-02T01:00:00Z', 60, 60, $3, 'answered', $4, $5, '0000', $6, $7, $8)`,
          [org.org.id, index + 1, direction, source, sourceE164, country, type, Buffer.from([index])],
        );
      }
      await migrateDatabase(database.url);
      const rows = await old.pool.query<{ relevant: boolean }>(`SELECT is_fraud_relevant AS relevant FROM call_records ORDER BY row_number`);
      // Inbound calls with an E.164 caller are all marked: SQL does not know the calling code (detection tests the caller).
      expect(rows.rows.map((row) => row.relevant)).toEqual([false, true, true, false, true, false]);
    } finally {
      await old.prisma.$disconnect();
      await old.pool.end();
    }
  } finally {
    await fs.rm(earlier, { recursive: true, force: true });
    await database.drop();
  }
});
