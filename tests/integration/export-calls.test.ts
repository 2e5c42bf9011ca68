import Papa from "papaparse";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { OrgContext } from "@/lib/db/org-context";
import { runIngest } from "@/lib/ingest/run-ingest";
import { exportCalls, EXPORT_COLUMNS, type ExportFormat, type ExportRange } from "@/lib/reports/export-calls";
import { createOrg } from "@/prisma/seed/create-org";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let db: TestDatabase;
let ctx: OrgContext;

// Two calls on either side of midnight in Tokyo, one whose caller number is a spreadsheet formula.
const MASTER = [
  `"","=HYPERLINK(""http://evil.example"",""x"")","01023276123456","from-internal","","PJSIP/201-1","PJSIP/trunk-1","Dial","","2026-03-14 23:59:30","2026-03-14 23:59:31","2026-03-15 00:00:01",31,30,"ANSWERED","DOCUMENTATION","1773500370.1",""`,
  `"","201","0312345678","from-internal","","PJSIP/201-2","PJSIP/trunk-2","Dial","","2026-03-15 00:00:30","2026-03-15 00:00:31","2026-03-15 00:01:01",31,30,"ANSWERED","DOCUMENTATION","1773500430.2",""`,
].join("\n");

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = await createOrg(db, { timeZone: "Asia/Tokyo" });
  async function* source() {
    yield Buffer.from(`${MASTER}\n`);
  }
  await runIngest(ctx, { source: source(), fileName: "Master.csv", maxBytes: 1e6 });
});
afterAll(() => db.drop());

async function collect(range: ExportRange, format: ExportFormat) {
  let text = "";
  for await (const chunk of exportCalls(ctx, range, format)) text += chunk;
  return text;
}

test("CSV: the documented columns, UTC times, formulas neutralized", async () => {
  const rows = Papa.parse<string[]>(await collect({ fromUtc: null, toUtc: null }, "csv"), { skipEmptyLines: true }).data;
  expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
  expect(rows).toHaveLength(3);
  expect(rows[1][0]).toBe("2026-03-14T14:59:30Z");
  expect(rows[1][2]).toBe(`'=HYPERLINK("http://evil.example","x")`);
  // E.164 numbers start with + too: in CSV they carry the apostrophe (JSON lines do not).
  expect(rows[1].slice(5, 8)).toEqual(["'+23276123456", "SL", "mobile"]);
  expect(rows[2][0]).toBe("2026-03-14T15:00:30Z");
});

test("JSON lines, and a range of organization-local days", async () => {
  const lines = (await collect({ fromUtc: new Date("2026-03-14T15:00:00Z"), toUtc: null }, "jsonl")).trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0])).toMatchObject({ started_at_utc: "2026-03-14T15:00:30Z", destination_e164: "+81312345678", row_number: 2 });
});
