import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { afterAll, afterEach, beforeAll, expect, test, vi } from "vitest";
import { main } from "@/lib/cli/main";
import type { OrgContext } from "@/lib/db/org-context";
import { listFindings } from "@/lib/detection/list-findings";
import { runIngest, type IngestSummary } from "@/lib/ingest/run-ingest";
import { exportCalls, EXPORT_COLUMNS, type ExportFormat } from "@/lib/reports/export-calls";
import { streamRejectedRowsCsv } from "@/lib/uploads/stream-rejected-rows-csv";
import { createOrg } from "@/prisma/seed/create-org";
import { HOSTILE_FILE, HOSTILE_KEYS, HOSTILE_SUBJECT, HOSTILE_TEXT, hostileAsteriskMaster } from "@/tests/support/hostile-cdr";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// A Master.csv written by an attacker, imported through the real pipeline: the exports neutralize
// formulas (CSV) or keep the text exact (JSON lines), and the CLI never lets an escape reach the terminal.

let db: TestDatabase;
let ctx: OrgContext;
let summary: IngestSummary;
let dataDir: string;

// OWASP's list of cell starts a spreadsheet runs as a formula.
const RUNS_AS_FORMULA = /^[=+\-@\t\r]/;
// ESC, C1 controls, CR and bidirectional overrides: what must never reach a terminal raw.
const TERMINAL_CONTROL = /[\u001b\u0007\r\u007f-\u009f\u202a-\u202e\u2066\u2067]/;

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = await createOrg(db, { timeZone: "Asia/Tokyo" });
  async function* source() {
    yield Buffer.from(hostileAsteriskMaster());
  }
  summary = await runIngest(ctx, { source: source(), fileName: HOSTILE_FILE.name, maxBytes: 1e6 });
  // The CLI reads its database and data folder from the environment, once per test file.
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "tollwatch-hostile-"));
  Object.assign(process.env, { DATABASE_URL: db.url, TOLLWATCH_DATA_DIR: dataDir });
});
afterAll(async () => {
  await db.drop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function exported(format: ExportFormat): Promise<string> {
  let text = "";
  for await (const chunk of exportCalls(ctx, { fromUtc: null, toUtc: null }, format)) text += chunk;
  return text;
}

test("every hostile call is imported and every hostile bad row rejected", () => {
  expect(summary).toMatchObject({ imported: HOSTILE_FILE.calls, rejected: HOSTILE_FILE.rejected, format: "asterisk-cdr-csv" });
});

test("calls CSV: no cell runs as a formula; the hostile text is kept behind an apostrophe", async () => {
  const rows = Papa.parse<string[]>(await exported("csv"), { skipEmptyLines: true }).data;
  expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
  expect(rows).toHaveLength(1 + HOSTILE_FILE.calls);
  expect(rows.flat().filter((cell) => RUNS_AS_FORMULA.test(cell))).toEqual([]);
  const source = EXPORT_COLUMNS.indexOf("source_raw");
  const destination = EXPORT_COLUMNS.indexOf("destination_raw");
  const sources = rows.slice(1).map((row) => row[source]);
  for (const key of HOSTILE_KEYS) {
    // Cells are trimmed on import (a trailing BOM included).
    const text = HOSTILE_TEXT[key].trim();
    const written = RUNS_AS_FORMULA.test(text) ? `'${text}` : text;
    expect(sources, key).toContain(written);
    expect(rows.some((row) => row[source] === written && row[destination] === written), key).toBe(true);
  }
});

test("calls JSON lines: the text exactly as in the file", async () => {
  const calls = (await exported("jsonl")).trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(calls).toHaveLength(HOSTILE_FILE.calls);
  for (const key of HOSTILE_KEYS) expect(calls.map((call) => call.source_raw), key).toContain(HOSTILE_TEXT[key].trim());
  expect(calls.map((call) => call.source_raw)).toContain(HOSTILE_SUBJECT.extension);
});

test("rejected rows CSV: raw lines and details never run as formulas, even across lines", async () => {
  const text = await new Response(streamRejectedRowsCsv(ctx, summary.uploadId)).text();
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
  expect(rows[0]).toEqual(["row_number", "reason_code", "detail", "raw_line"]);
  expect(rows).toHaveLength(1 + HOSTILE_FILE.rejected);
  expect(rows.flat().filter((cell) => RUNS_AS_FORMULA.test(cell))).toEqual([]);
  const byReason = rows.slice(1);
  // The raw line that starts with "-" and holds a line break: papaparse's own check missed it.
  expect(byReason[0][3]).toMatch(/^'-2\+3,201,.*"=1\+1\r\nsecond line"/s);
  expect(byReason[1][2]).toBe(`'${HOSTILE_TEXT.hyperlink}`);
  expect(byReason[1][3].startsWith("'\t=SUM(1),")).toBe(true);
  // Not a formula: written as it is, ESC and override included (a CSV is data, not a display).
  expect(byReason[2][2]).toBe(`${HOSTILE_TEXT.ansi}${HOSTILE_TEXT.rightToLeft}`);
  expect(byReason[3]).toEqual([String(summary.rows), "wrong_column_count", "2", `${HOSTILE_TEXT.img},${HOSTILE_TEXT.dde}`]);
});

test("findings name the hostile account and extension, shown and isolated in the sentences", async () => {
  const { findings } = await listFindings(ctx);
  const highRisk = findings.find((finding) => finding.rule === "HIGH_RISK_DEST");
  expect(highRisk?.subject).toEqual(HOSTILE_SUBJECT);
  for (const finding of findings) {
    for (const sentence of [finding.explanation.en, finding.explanation.ja]) {
      expect(sentence).not.toMatch(/[\u202a-\u202e\u2066\u2067]/);
      expect(sentence.split("\u2068").length).toBe(sentence.split("\u2069").length);
    }
  }
  expect(highRisk?.explanation.en).toMatch(/^Account \u2068evil‹U\+202E›txt\.exe\u2069, extension <img src=x onerror=alert\(1\)>: 6 answered calls/);
  expect(highRisk?.explanation.ja).toMatch(/^アカウント \u2068evil‹U\+202E›txt\.exe\u2069・内線 <img src=x onerror=alert\(1\)>：/);
});

const output = { stdout: "", stderr: "" };
afterEach(() => {
  vi.restoreAllMocks();
  Object.assign(output, { stdout: "", stderr: "" });
});
function captureOutput() {
  vi.restoreAllMocks();
  Object.assign(output, { stdout: "", stderr: "" });
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((output.stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((output.stderr += String(chunk)), true));
}

test("tollwatch findings prints the sentences without terminal escapes", async () => {
  captureOutput();
  expect(await main(["findings", "--org", ctx.org.slug])).toBe(0);
  expect(output.stdout).toContain("HIGH_RISK_DEST");
  expect(output.stdout).toContain("Account \u2068evil‹U+202E›txt.exe\u2069");
  expect(output.stdout).not.toMatch(TERMINAL_CONTROL);
  expect(output.stderr).not.toMatch(TERMINAL_CONTROL);

  captureOutput();
  expect(await main(["findings", "--org", ctx.org.slug, "--json"])).toBe(0);
  expect(output.stdout).not.toMatch(TERMINAL_CONTROL);
  const parsed = JSON.parse(output.stdout) as { findings: { subject: Record<string, string> }[] };
  expect(parsed.findings.map((finding) => finding.subject)).toContainEqual(HOSTILE_SUBJECT);
});

test("tollwatch import: a file name carrying escapes is shown with markers, the summary is clean", async () => {
  const file = path.join(dataDir, "Master\u001b]0;pwned\u0007\u001b[2J.csv");
  await fs.writeFile(file, hostileAsteriskMaster());
  captureOutput();
  expect(await main(["import", file, "--org", ctx.org.slug])).toBe(0);
  expect(output.stderr).toContain("Master‹U+001B›]0;pwned‹U+0007›‹U+001B›[2J.csv");
  expect(output.stderr).toMatch(new RegExp(`${HOSTILE_FILE.calls + HOSTILE_FILE.rejected} rows read: 0 calls imported, ${HOSTILE_FILE.calls} duplicates`));
  expect(output.stderr).not.toMatch(TERMINAL_CONTROL);
  expect(output.stdout).not.toMatch(TERMINAL_CONTROL);
});
