import Papa from "papaparse";
import { expect, test } from "vitest";
import { asteriskCdrCsv } from "@/lib/ingest/formats/asterisk-cdr-csv/asterisk-cdr-csv";
import type { NormalizedCall } from "@/lib/ingest/normalize/call-record";
import { simulateTraffic } from "@/lib/simulation/simulate-traffic";
import { TOKYO } from "@/tests/support/format-fixtures";
import { toAsteriskMaster } from "./to-asterisk-master";

// The PBX view must be read back, line for line, by the project's own Asterisk reader.

function readBack(text: string): NormalizedCall[] {
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const read = asteriskCdrCsv.createReader([], TOKYO);
  return rows.map((fields, index) => {
    const result = read(fields, index + 1);
    if (result.kind !== "call") throw new Error(`row ${index + 1} not read as a call: ${JSON.stringify(result)}`);
    return result.record;
  });
}

test("every call of every scenario comes back as the same call, in Tokyo time", () => {
  const result = simulateTraffic({ profileId: "office-jp-10", startDate: "2026-04-01", days: 180, seed: 6 });
  const calls = [...result.calls];
  const text = [...toAsteriskMaster(calls)].join("");
  expect(asteriskCdrCsv.sniff(Papa.parse<string[]>(text.slice(0, 20_000)).data.slice(0, 50))).toBe(1);
  const records = readBack(text);
  expect(records).toHaveLength(calls.length);
  // One comparison of projections: an expect per field per call would take seconds.
  expect(records.map((record) => [
    record.callId, record.startedAt.getTime(), record.answeredAt?.getTime() ?? null, record.durationSeconds, record.billableSeconds, record.direction, record.disposition,
  ])).toEqual(calls.map((call) => [
    call.callId, call.startedAtMs, call.isAnswered ? call.startedAtMs + call.ringSeconds * 1000 : null, call.durationSeconds, call.billableSeconds, call.direction, call.disposition,
  ]));
});

test("the seed flood reads back as calls to Sierra Leone mobiles; inbound Wangiri calls keep their caller", () => {
  const result = simulateTraffic({ profileId: "office-jp-10", startDate: "2026-04-01", days: 14, seed: 6, scenarios: [
    { kind: "sierra-leone-flood", startsAt: "2026-04-04T02:30" },
    { kind: "wangiri-callbacks", startsAt: "2026-04-08T01:00" },
  ] });
  const calls = [...result.calls];
  const records = readBack([...toAsteriskMaster(calls)].join(""));
  const flood = records.filter((_, index) => calls[index].scenarioId === "sierra-leone-flood");
  expect(flood.length).toBeGreaterThan(13_000);
  expect(flood.every((record) => record.destinationCountry === "SL" && record.destinationNumberType === "mobile" && record.sourceRaw.length === 3)).toBe(true);
  const missed = records.filter((_, index) => calls[index].scenarioId === "wangiri-callbacks" && calls[index].direction === "inbound");
  expect(missed.every((record) => record.direction === "inbound" && record.sourceE164?.startsWith("+675"))).toBe(true);
});

test("lines have the 18 cdr_csv columns, a bare empty answer when unanswered, and ITSP account codes", () => {
  const result = simulateTraffic({ profileId: "itsp-50", startDate: "2026-04-05", days: 1, seed: 6, scenarios: [] });
  const calls = [...result.calls];
  const lines = [...toAsteriskMaster(calls)].join("").split("\n").filter(Boolean);
  const unanswered = calls.findIndex((call) => !call.isAnswered);
  expect(lines[unanswered]).toMatch(/^"A\d{4}",.*,"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d",,"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d",\d+,0,"(NO ANSWER|BUSY|FAILED)","DOCUMENTATION","\d+\.\d+",""$/);
  const rows = Papa.parse<string[]>(lines.join("\n")).data;
  expect(new Set(rows.map((row) => row.length))).toEqual(new Set([18]));
  expect(readBack(lines.join("\n")).map((record) => record.accountCode)).toEqual(calls.map((call) => call.accountCode));
  expect(rows.map((row) => row[3])).toEqual(calls.map((call) => (call.direction === "inbound" ? "from-pstn" : "from-internal")));
});
