import { finished } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { afterAll, beforeAll, expect, test } from "vitest";
import { BinaryCopyBuffer, uuidBytes } from "@/lib/storage/binary-copy";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// What PostgreSQL reads from the loader's binary COPY data: every type call_records uses, with the
// values that are easy to get wrong (instants before 2000, negative and fractional amounts, text
// beyond ASCII), compared with what PostgreSQL makes of the same values written as text.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const ROWS = [
  { id: "0191a6c8-0000-7000-8000-000000000001", at: "1990-01-01T00:00:00.000Z", amount: "-0.0079", text: "山田 太郎 <0312345678>", country: "JP", type: "premium_rate", flag: true },
  { id: "0191a6c8-0000-7000-8000-0000000000ff", at: "2026-03-14T02:10:05.250Z", amount: "1234567890.1234", text: 'tab\tquote" back\\slash', country: "SL", type: "international_network", flag: false },
  { id: "0191a6c8-0000-7000-8000-00000000abcd", at: "2000-01-01T00:00:00.001Z", amount: "12345.5", text: "📞", country: null, type: "extension", flag: true },
  { id: "0191a6c8-0000-7000-8000-000000000000", at: "1999-12-31T23:59:59.999Z", amount: "0", text: "", country: "US", type: "unknown", flag: false },
];

test("PostgreSQL reads every field as the text form of the same value would give", async () => {
  const client = await db.pool.connect();
  try {
    await client.query(`CREATE TEMP TABLE binary_values (id uuid, at timestamptz, amount numeric(14,4), label text, country char(2),
                          type number_type, flag boolean, small integer, hash bytea, missing text)`);
    const out = new BinaryCopyBuffer();
    for (const [index, row] of ROWS.entries()) {
      out.startTuple(10);
      out.bytes(uuidBytes(row.id));
      out.timestamp(Date.parse(row.at));
      out.numeric(row.amount);
      out.text(row.text);
      out.nullableText(row.country);
      out.text(row.type);
      out.boolean(row.flag);
      out.int32(index === 1 ? -2_147_483_648 : index * 1000);
      out.hexBytes("00ff10ab");
      out.null();
    }
    const copy = client.query(copyFrom("COPY binary_values FROM STDIN WITH (FORMAT binary)"));
    copy.end(out.finish());
    await finished(copy);
    const read = await client.query(
      `SELECT id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, amount::text, label, country, type::text, flag,
              small, encode(hash, 'hex') AS hash, missing FROM binary_values`,
    );
    expect(read.rows).toEqual(ROWS.map((row, index) => ({
      id: row.id, at: row.at, amount: Number(row.amount).toFixed(4), label: row.text, country: row.country, type: row.type, flag: row.flag,
      small: index === 1 ? -2_147_483_648 : index * 1000, hash: "00ff10ab", missing: null,
    })));
  } finally {
    client.release();
  }
});

test("an amount beyond numeric(14,4) is refused, as its text would be", async () => {
  const client = await db.pool.connect();
  try {
    await client.query("CREATE TEMP TABLE amounts (amount numeric(14,4))");
    const out = new BinaryCopyBuffer();
    out.startTuple(1);
    out.numeric("12345678901");
    const copy = client.query(copyFrom("COPY amounts FROM STDIN WITH (FORMAT binary)"));
    copy.end(out.finish());
    await expect(finished(copy)).rejects.toThrow(/numeric field overflow/);
  } finally {
    client.release(true);
  }
});
