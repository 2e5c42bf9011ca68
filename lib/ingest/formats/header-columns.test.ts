import { expect, test } from "vitest";
import { findColumns, headerMatchScore, normalizeHeaderName } from "@/lib/ingest/formats/header-columns";

test("header names compare without case, BOM, quotes or separators", () => {
  expect(normalizeHeaderName("\uFEFF\"Call From\" ")).toBe("call from");
  expect(normalizeHeaderName("start_time")).toBe(normalizeHeaderName("Start-Time"));
});

test("columns are found by any accepted name, -1 when absent", () => {
  const header = ["calldate", "clid", "src", "dst", "Billsec"];
  expect(findColumns(header, { start: ["start", "calldate"], billable: ["billsec"], answer: ["answer"] })).toEqual({ start: 0, billable: 4, answer: -1 });
});

test("a header scores by the share of expected names, zero without a mandatory one", () => {
  expect(headerMatchScore(["calldate", "src", "dst", "x"], ["calldate", "src", "dst", "billsec"])).toBe(0.75);
  expect(headerMatchScore(["src", "dst"], ["calldate", "src", "dst"], ["calldate"])).toBe(0);
  expect(headerMatchScore(undefined, ["a"])).toBe(0);
});
