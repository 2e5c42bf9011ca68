import { expect, test } from "vitest";
import { CostStepsSchema, NewAlertChannelSchema } from "@/lib/alerts/alert-channels.schema";

test("cost steps read with or without thousands separators, sorted and unique", () => {
  expect(CostStepsSchema.parse("10,000 50,000; 100000")).toEqual([10_000, 50_000, 100_000]);
  expect(CostStepsSchema.parse("500000,10000,10000")).toEqual([10_000, 500_000]);
  expect(CostStepsSchema.parse("1,000,000、5000")).toEqual([5_000, 1_000_000]);
  expect(CostStepsSchema.parse("  ")).toEqual([]);
  expect(CostStepsSchema.safeParse("0").success).toBe(false);
  expect(CostStepsSchema.safeParse("ten thousand").success).toBe(false);
  expect(CostStepsSchema.safeParse("-5").success).toBe(false);
});

test("a channel's target must suit its kind", () => {
  const base = { name: "On-call", language: "ja" as const };
  expect(NewAlertChannelSchema.safeParse({ ...base, kind: "email", target: "a@example.jp, b@example.jp" }).success).toBe(true);
  expect(NewAlertChannelSchema.safeParse({ ...base, kind: "email", target: "a@example.jp, not-an-address" }).success).toBe(false);
  expect(NewAlertChannelSchema.safeParse({ ...base, kind: "webhook", target: "https://hooks.example.jp/tollwatch" }).success).toBe(true);
  expect(NewAlertChannelSchema.safeParse({ ...base, kind: "slack", target: "javascript:alert(1)" }).success).toBe(false);
  expect(NewAlertChannelSchema.safeParse({ ...base, kind: "webhook", target: "ftp://example.jp/x" }).success).toBe(false);
});
