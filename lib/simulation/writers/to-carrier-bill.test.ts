import iconv from "iconv-lite";
import Papa from "papaparse";
import { expect, test } from "vitest";
import { sniffEncoding } from "@/lib/ingest/decode-bytes";
import { nttCallStatement } from "@/lib/ingest/formats/ntt-call-statement/ntt-call-statement";
import type { NormalizedCall } from "@/lib/ingest/normalize/call-record";
import type { StatementMonth } from "@/lib/ingest/normalize/call-time";
import { isCarrierBilled } from "@/lib/simulation/is-carrier-billed";
import { simulateTraffic } from "@/lib/simulation/simulate-traffic";
import type { SimulatedCall } from "@/lib/simulation/simulated-call";
import { tokyoParts } from "@/lib/simulation/tokyo-time";
import { TOKYO } from "@/tests/support/format-fixtures";
import { toCarrierBill } from "./to-carrier-bill";

// The carrier view, encoded to CP932 as a carrier ships it, must be read back by the NTT reader.

function readStatement(text: string, statementMonth: StatementMonth): { calls: NormalizedCall[]; skipped: number } {
  const bytes = iconv.encode(text, "cp932");
  const decoded = iconv.decode(bytes, sniffEncoding(bytes).encoding);
  const rows = Papa.parse<string[]>(decoded, { skipEmptyLines: true }).data;
  const read = nttCallStatement.createReader([], { ...TOKYO, statementMonth });
  const calls: NormalizedCall[] = [];
  let skipped = 0;
  rows.forEach((fields, index) => {
    const result = read(fields, index + 1);
    if (result.kind === "rejected") throw new Error(`row ${index + 1} rejected: ${JSON.stringify(result.row)}`);
    if (result.kind === "call") calls.push(result.record);
    else skipped++;
  });
  return { calls, skipped };
}

const billedIn = (calls: SimulatedCall[], { year, month }: StatementMonth) =>
  calls.filter((call) => {
    const answered = tokyoParts(call.startedAtMs + call.ringSeconds * 1000);
    return isCarrierBilled(call) && answered.year === year && answered.month === month;
  });

test("each month's statement reads back with the right count, cost, times and numbers", () => {
  const result = simulateTraffic({ profileId: "office-jp-10", startDate: "2026-04-01", days: 180, seed: 6 });
  const calls = [...result.calls];
  let statementTotal = 0;
  for (const statementMonth of result.statementMonths) {
    const expected = billedIn(calls, statementMonth);
    const { calls: read, skipped } = readStatement([...toCarrierBill(calls, statementMonth)].join(""), statementMonth);
    expect(skipped).toBe(2);
    expect(read).toHaveLength(expected.length);
    expect(read.reduce((sum, record) => sum + Number(record.costAmount), 0)).toBe(expected.reduce((sum, call) => sum + call.costYen, 0));
    expect(read.map((record) => [record.startedAt.getTime(), record.destinationRaw, record.durationSeconds, record.direction, record.costCurrency]))
      .toEqual(expected.map((call) => [call.startedAtMs + call.ringSeconds * 1000, call.externalNumber, call.billableSeconds, "outbound", "JPY"]));
    statementTotal += read.length;
  }
  expect(statementTotal).toBe(calls.filter(isCarrierBilled).length);
});

test("the bill leaves out inbound, internal, unanswered and failed calls, and the scanner entirely", () => {
  const result = simulateTraffic({ profileId: "office-jp-10", startDate: "2026-04-01", days: 30, seed: 6, scenarios: [
    { kind: "sip-scanner-burst", startsAt: "2026-04-14T01:05" },
    { kind: "wangiri-callbacks", startsAt: "2026-04-15T01:00" },
  ] });
  const calls = [...result.calls];
  const { calls: read } = readStatement([...toCarrierBill(calls, { year: 2026, month: 4 })].join(""), { year: 2026, month: 4 });
  const inPbx = calls.length;
  expect(read.length).toBeLessThan(inPbx / 2);
  expect(read.some((record) => /^\+46|^900|^000/.test(record.destinationRaw))).toBe(false);
  const wangiri = result.labels.find((label) => label.kind === "wangiri-callbacks");
  expect(read.filter((record) => record.destinationCountry === "PG")).toHaveLength(wangiri?.billedCallCount ?? -1);
  expect(read.every((record) => record.destinationRaw.length > 6)).toBe(true);
});

test("the Sierra Leone flood on the bill: ~14,000 rows of 175 yen from the office line", () => {
  const result = simulateTraffic({ profileId: "office-jp-10", startDate: "2026-03-01", days: 31, seed: 6, scenarios: [{ kind: "sierra-leone-flood", startsAt: "2026-03-07T02:30" }] });
  const text = [...toCarrierBill(result.calls, { year: 2026, month: 3 }, { customerName: "サンプル保険代理店株式会社" })].join("");
  expect(text.split("\r\n")[1]).toMatch(/^サンプル保険代理店株式会社,\(03\)6280-1234,/);
  const { calls: read } = readStatement(text, { year: 2026, month: 3 });
  const sierraLeone = read.filter((record) => record.destinationCountry === "SL");
  expect(sierraLeone.length).toBeGreaterThan(13_500);
  expect(sierraLeone.filter((record) => record.costAmount === "175").length / sierraLeone.length).toBeGreaterThan(0.8);
  expect(sierraLeone.every((record) => record.accountCode === "サンプル保険代理店株式会社" && record.sourceE164 === "+81362801234")).toBe(true);
});
