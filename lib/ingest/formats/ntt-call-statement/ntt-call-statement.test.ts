import { expect, test } from "vitest";
import { asteriskCdrCsv } from "@/lib/ingest/formats/asterisk-cdr-csv/asterisk-cdr-csv";
import type { FormatContext } from "@/lib/ingest/formats/cdr-format";
import { nttCallStatement } from "@/lib/ingest/formats/ntt-call-statement/ntt-call-statement";
import { detectFormat } from "@/lib/ingest/detect-format";
import { callOf, outcomeOf, readFixtureRows as readRows, readFixtureWith, TOKYO } from "@/tests/support/format-fixtures";

const MARCH: FormatContext = { ...TOKYO, statementMonth: { year: 2026, month: 3 } };
const STATEMENT = "ntt-call-statement/statement-2026-03.csv";
const BAD_ROWS = "ntt-call-statement/statement-2026-03-bad-rows.csv";
const JANUARY = "ntt-call-statement/statement-2026-01-month-day-kanji.csv";
const readStatement = (relative = STATEMENT, context: FormatContext = MARCH) => readFixtureWith(nttCallStatement, relative, context);

test("recognises statements with or without a header, with subtotal rows, in CP932 or UTF-8", () => {
  expect(nttCallStatement.sniff(readRows(STATEMENT))).toBe(1);
  expect(nttCallStatement.sniff(readRows(STATEMENT).slice(1))).toBe(1);
  expect(nttCallStatement.sniff(readRows("ntt-call-statement/statement-2026-03.utf8-bom.csv"))).toBe(1);
  expect(nttCallStatement.sniff(readRows(JANUARY))).toBe(1);
  expect(nttCallStatement.sniff(readRows(BAD_ROWS))).toBeGreaterThanOrEqual(0.8);
  const detected = detectFormat(readRows(STATEMENT));
  expect(detected).toMatchObject({ kind: "detected", format: { id: "ntt-call-statement" }, confidence: 1 });
  expect(asteriskCdrCsv.sniff(readRows(STATEMENT))).toBe(0);
});

test("does not claim Japanese files of another layout", () => {
  const routerLog = [
    ["発着信日時", "通話開始日時", "通話切断日時", "装置内電話番号", "発着信種別", "相手先電話番号"],
    ["2026/03/14 02:10:05", "2026/03/14 02:10:07", "2026/03/14 02:10:38", "0312345678", "外線発信", "01023276123456"],
  ];
  expect(nttCallStatement.sniff(routerLog)).toBe(0);
  expect(nttCallStatement.sniff([])).toBe(0);
});

test("an international call to Sierra Leone at night, every field", () => {
  const call = callOf(readStatement()[1]);
  expect(call).toEqual({
    rowNumber: 2,
    startedAt: new Date("2026-03-13T17:10:05Z"),
    answeredAt: new Date("2026-03-13T17:10:05Z"),
    endedAt: new Date("2026-03-13T17:10:36Z"),
    durationSeconds: 31,
    billableSeconds: 31,
    direction: "outbound",
    disposition: "answered",
    sourceRaw: "0312345678",
    sourceE164: "+81312345678",
    destinationRaw: "01023276123456",
    destinationE164: "+23276123456",
    destinationCountry: "SL",
    destinationNumberType: "mobile",
    accountCode: "株式会社サンプル商事",
    callerName: null,
    sourceChannel: null,
    destinationChannel: null,
    callId: null,
    costAmount: "1234",
    costCurrency: "JPY",
    fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
    legGroup: null,
  });
  expect(call.fingerprint).toMatch(/^[0-9a-f]{32}$/);
});

test("hyphenated, kanji-duration, domestic, masked and free-dial rows", () => {
  const results = readStatement();
  const [hyphenated, , , lateNight, mobile, masked] = results.slice(2, 8).map(callOf);
  expect(hyphenated).toMatchObject({ destinationRaw: "010-232-76-123457", destinationE164: "+23276123457", durationSeconds: 30, costAmount: "1194" });
  expect(lateNight).toMatchObject({ startedAt: new Date("2026-03-15T14:59:58Z"), durationSeconds: 32, destinationCountry: "SL", costAmount: "1274" });
  expect(mobile).toMatchObject({ durationSeconds: 125, destinationE164: "+819012345678", destinationNumberType: "mobile", costAmount: "20", costCurrency: "JPY" });
  expect(masked).toMatchObject({ destinationRaw: "06-1234-****", destinationE164: null, destinationCountry: null, destinationNumberType: "masked", durationSeconds: 125 });
  expect(callOf(results[10])).toMatchObject({
    direction: "inbound", sourceRaw: "090-8765-4321", sourceE164: "+819087654321",
    destinationRaw: "0120-123-456", destinationE164: "+81120123456", destinationNumberType: "toll_free", costAmount: "30",
  });
  expect(callOf(results[11])).toMatchObject({ sourceRaw: "0312345679", destinationE164: "+81921234567", durationSeconds: 600, costAmount: "80" });
});

test("two identical calls in the same second stay two calls, and re-reading gives the same fingerprints", () => {
  const [first, second] = readStatement().slice(3, 5).map(callOf);
  expect(second).toMatchObject({ startedAt: first.startedAt, destinationE164: first.destinationE164, durationSeconds: first.durationSeconds });
  expect(second.fingerprint).not.toBe(first.fingerprint);
  const again = readStatement().slice(3, 5).map(callOf);
  expect(again.map((call) => call.fingerprint)).toEqual([first.fingerprint, second.fingerprint]);
});

test("headers (first and repeated) and subtotal rows are skipped, never loaded or rejected", () => {
  expect(readStatement().map(outcomeOf)).toEqual([
    "skipped:repeated_header", "call", "call", "call", "call", "call", "call", "call", "skipped:subtotal",
    "skipped:repeated_header", "call", "call", "skipped:subtotal", "skipped:subtotal", "skipped:subtotal",
  ]);
});

test("the UTF-8 copy with a BOM reads exactly like the CP932 file", () => {
  expect(readStatement("ntt-call-statement/statement-2026-03.utf8-bom.csv")).toEqual(readStatement());
});

test("without a statement month every call row waits for one; subtotals and headers are still skipped", () => {
  const outcomes = readStatement(STATEMENT, TOKYO).map(outcomeOf);
  expect(outcomes.filter((outcome) => outcome === "call")).toEqual([]);
  expect(outcomes.filter((outcome) => outcome === "needs_statement_month")).toHaveLength(9);
  const rejected = readStatement(STATEMENT, TOKYO)[1];
  expect(rejected.kind === "rejected" && rejected.row).toMatchObject({ rowNumber: 2, detail: "03/14 02:10:05" });
});

test("a January statement puts its December calls in the year before, and reads kanji dates and times", () => {
  const results = readStatement(JANUARY, { ...TOKYO, statementMonth: { year: 2026, month: 1 } });
  expect(results.map(outcomeOf)).toEqual(["call", "call", "skipped:subtotal"]);
  expect(callOf(results[0])).toMatchObject({ startedAt: new Date("2025-12-28T14:05:12Z"), destinationCountry: "SL", sourceRaw: "0661234567" });
  expect(callOf(results[1])).toMatchObject({ startedAt: new Date("2026-01-05T00:15:00Z"), durationSeconds: 65, costAmount: "16" });
});

test("times are read in the file's zone", () => {
  const utc = callOf(readStatement(STATEMENT, { ...MARCH, fileTimeZone: "UTC" })[1]);
  expect(utc.startedAt.toISOString()).toBe("2026-03-14T02:10:05.000Z");
});

test("bad rows are rejected with a reason, never dropped or thrown", () => {
  const results = readStatement(BAD_ROWS);
  expect(results.map(outcomeOf)).toEqual([
    "call", "invalid_start_time", "invalid_duration", "missing_destination", "invalid_amount",
    "wrong_column_count", "invalid_start_time", "call", "skipped:subtotal",
  ]);
  const impossibleDate = results[1];
  expect(impossibleDate.kind === "rejected" && impossibleDate.row).toMatchObject({ rowNumber: 2, detail: "02/30 04:00:00" });
  expect(impossibleDate.kind === "rejected" && impossibleDate.row.rawLine).toContain('02/30,04:00:00,01023276123456');
  expect(results[2].kind === "rejected" && results[2].row.detail).toBe("不明");
});
