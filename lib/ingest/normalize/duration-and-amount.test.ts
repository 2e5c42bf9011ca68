import { expect, test } from "vitest";
import { parseAmount } from "@/lib/ingest/normalize/amount-text";
import { parseDurationSeconds } from "@/lib/ingest/normalize/duration-text";

test("durations in every notation the layouts use", () => {
  expect(parseDurationSeconds("315")).toBe(315);
  expect(parseDurationSeconds("31.6")).toBe(32);
  expect(parseDurationSeconds("00:05:15")).toBe(315);
  expect(parseDurationSeconds("5:15")).toBe(315);
  expect(parseDurationSeconds("1:02:03")).toBe(3723);
  expect(parseDurationSeconds("5m 15s")).toBe(315);
  expect(parseDurationSeconds("1h 2m 3s")).toBe(3723);
  expect(parseDurationSeconds("75s (1m 15s)")).toBe(75);
  expect(parseDurationSeconds("1分23秒")).toBe(83);
  expect(parseDurationSeconds("1時間2分3秒")).toBe(3723);
  expect(parseDurationSeconds("００：００：３１")).toBe(31);
});

test("durations that are not durations are refused", () => {
  for (const text of ["", "sixty", "1:99", "-5", "5 apples"]) expect(parseDurationSeconds(text)).toBeNull();
});

test("amounts keep their decimals as text and name the currency their symbol shows", () => {
  expect(parseAmount("\\1,234")).toEqual({ amount: "1234", currency: "JPY" });
  expect(parseAmount("¥1,234")).toEqual({ amount: "1234", currency: "JPY" });
  expect(parseAmount("￥１，２３４")).toEqual({ amount: "1234", currency: "JPY" });
  expect(parseAmount("1,234円")).toEqual({ amount: "1234", currency: "JPY" });
  expect(parseAmount("-0.0079")).toEqual({ amount: "-0.0079", currency: null });
  expect(parseAmount("$0.12")).toEqual({ amount: "0.12", currency: null });
  expect(parseAmount("€1.50")).toEqual({ amount: "1.50", currency: "EUR" });
  expect(parseAmount("0.123456")).toEqual({ amount: "0.1234", currency: null });
  expect(parseAmount("007")).toEqual({ amount: "7", currency: null });
  expect(parseAmount("free")).toBeNull();
  expect(parseAmount("")).toBeNull();
});
