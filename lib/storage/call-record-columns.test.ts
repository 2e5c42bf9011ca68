import { expect, test } from "vitest";
import type { NormalizedCall } from "@/lib/ingest/normalize/call-record";
import { CALL_COLUMNS, createStagingTableSql, stagedCallLine, stagedRejectedLine } from "@/lib/storage/call-record-columns";

const call: NormalizedCall = {
  rowNumber: 7,
  startedAt: new Date("2026-03-14T02:10:05.250Z"),
  answeredAt: null,
  endedAt: new Date("2026-03-14T02:10:38Z"),
  durationSeconds: 33,
  billableSeconds: 31,
  direction: "outbound",
  disposition: "answered",
  sourceRaw: "201",
  sourceE164: null,
  destinationRaw: "01023276123456",
  destinationE164: "+23276123456",
  destinationCountry: "SL",
  destinationNumberType: "mobile",
  accountCode: null,
  callerName: 'Tab\there, new\nline, back\\slash, "quote"\r',
  sourceChannel: null,
  destinationChannel: null,
  callId: "1773454205.101",
  costAmount: "12.5000",
  costCurrency: "JPY",
  fingerprint: "deadbeef",
  legGroup: "1773454205.101",
};

test("a call becomes one COPY text line with every delimiter escaped", () => {
  const line = stagedCallLine(call);
  expect(line.endsWith("\n")).toBe(true);
  const fields = line.slice(0, -1).split("\t");
  expect(fields).toHaveLength(28);
  expect(fields.slice(0, 5)).toEqual(["call", "7", "1773454205250", "\\N", "1773454238000"]);
  expect(fields[16]).toBe('Tab\\there, new\\nline, back\\\\slash, "quote"\\r');
  expect(fields[22]).toBe("\\\\xdeadbeef");
  expect(fields[23]).toBe("1773454205.101");
  expect(fields[24]).toBe("f");
  expect(stagedCallLine(call, true).split("\t")[24]).toBe("t");
});

test("a rejected row carries its reason and raw line, and no call fields", () => {
  const fields = stagedRejectedLine({ rowNumber: 9, reasonCode: "invalid_start_time", detail: "2026-02-30", rawLine: "a\tb" }).slice(0, -1).split("\t");
  expect(fields[0]).toBe("rejected");
  expect(fields[1]).toBe("9");
  expect(fields.slice(2, 25).every((field) => field === "\\N")).toBe(true);
  expect(fields.slice(25)).toEqual(["invalid_start_time", "2026-02-30", "a\\tb"]);
});

test("the merge copies every call column and none of the staging-only ones", () => {
  expect(CALL_COLUMNS).toHaveLength(22);
  for (const stagingOnly of ["kind", "raw_line", "leg_group", "leg_repeat", "started_ms"]) expect(CALL_COLUMNS).not.toContain(stagingOnly);
  expect(CALL_COLUMNS).toContain("started_at");
  expect(createStagingTableSql("staged_rows_1")).toContain('"started_at" timestamptz GENERATED ALWAYS AS (to_timestamp("started_ms"::float8 / 1000)) STORED');
});
