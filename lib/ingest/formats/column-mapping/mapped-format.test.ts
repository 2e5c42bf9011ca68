import { expect, test } from "vitest";
import { ColumnMappingConfig } from "@/lib/ingest/formats/column-mapping/column-mapping.schema";
import { headerSignature, mappedFormat } from "@/lib/ingest/formats/column-mapping/mapped-format";
import { callOf, outcomeOf, readFixtureRows, readFixtureWith, TOKYO } from "@/tests/support/format-fixtures";

const japanese = ColumnMappingConfig.parse({
  headerRows: 1,
  columns: { startDateTime: 0, source: 1, destination: 2, duration: 3, cost: 4, disposition: 5 },
  dateNotation: "year-month-day",
});
const japaneseRows = readFixtureRows("column-mapping/japanese-carrier-cp932.csv");
const japaneseFormat = mappedFormat({ id: "m1", name: "Carrier X", headerSignature: headerSignature(japaneseRows[0]), config: japanese });

test("a Japanese carrier CSV in CP932 reads through its mapping: times, 分秒 durations, yen, results", () => {
  const [first, second, domestic, unanswered] = readFixtureWith(japaneseFormat, "column-mapping/japanese-carrier-cp932.csv").map((result) =>
    result.kind === "call" ? result.record : null,
  );
  expect(first).toMatchObject({
    startedAt: new Date("2026-03-13T17:10:05Z"),
    durationSeconds: 31,
    billableSeconds: 31,
    disposition: "answered",
    direction: "outbound",
    destinationE164: "+23276123456",
    destinationCountry: "SL",
    sourceE164: "+81312345678",
    costAmount: "1194",
    costCurrency: "JPY",
  });
  expect(second?.fingerprint).not.toBe(first!.fingerprint);
  expect(domestic).toMatchObject({ durationSeconds: 125, destinationNumberType: "mobile", costAmount: "40" });
  expect(unanswered).toMatchObject({ disposition: "no_answer", billableSeconds: 0 });
});

test("broken rows are rejected with their reasons", () => {
  expect(readFixtureWith(japaneseFormat, "column-mapping/japanese-carrier-cp932.csv").map(outcomeOf)).toEqual([
    "call", "call", "call", "call", "invalid_start_time", "missing_destination", "invalid_duration", "invalid_amount",
  ]);
});

test("the mapping claims files with its header only", () => {
  expect(japaneseFormat.sniff(japaneseRows)).toBe(1);
  expect(japaneseFormat.sniff(readFixtureRows("column-mapping/unknown-semicolon-day-first.csv"))).toBe(0);
});

test("separate date and time columns, day-first dates, a fixed zone and currency", () => {
  const config = ColumnMappingConfig.parse({
    headerRows: 1,
    columns: { startDate: 0, startTime: 1, source: 2, destination: 3, billableDuration: 4, disposition: 5, cost: 6 },
    dateNotation: "day-month-year",
    timeZone: "UTC",
    currency: "USD",
  });
  const format = mappedFormat({ id: "m2", name: "Day first", headerSignature: null, config });
  const [answered, busy] = readFixtureWith(format, "column-mapping/unknown-semicolon-day-first.csv", TOKYO).map(callOf);
  expect(answered).toMatchObject({ startedAt: new Date("2026-03-14T02:10:05Z"), billableSeconds: 31, costAmount: "0.62", costCurrency: "USD" });
  expect(busy).toMatchObject({ disposition: "busy", billableSeconds: 0 });
  expect(format.sniff(readFixtureRows("column-mapping/unknown-semicolon-day-first.csv"))).toBe(0);
});

test("a mapping needs a start and a duration", () => {
  expect(ColumnMappingConfig.safeParse({ headerRows: 0, columns: { destination: 1 }, dateNotation: "year-month-day" }).success).toBe(false);
});
