import { expect, test } from "vitest";
import { createLegGroupTracker } from "@/lib/ingest/leg-group-tracker";

test("the first row of a group is new, every later one a repeat", () => {
  const tracker = createLegGroupTracker();
  expect(tracker.isRepeat("1773454205.101")).toBe(false);
  expect(tracker.isRepeat("1773454205.102")).toBe(false);
  expect(tracker.isRepeat("1773454205.101")).toBe(true);
  expect(tracker.isRepeat("1773454205.101")).toBe(true);
  expect(tracker.isRepeat("")).toBe(false);
  expect(tracker.isRepeat("")).toBe(true);
});

test("groups stay remembered as the table grows past its first size", () => {
  const tracker = createLegGroupTracker();
  const groups = Array.from({ length: 300_000 }, (_, index) => `uuid-${index}`);
  expect(groups.filter((group) => tracker.isRepeat(group))).toEqual([]);
  expect(groups.every((group) => tracker.isRepeat(group))).toBe(true);
});

test("once the table is full, every row is taken as a possible repeat, and the table grows no more", () => {
  const tracker = createLegGroupTracker(16);
  // Sixteen slots, filled past three quarters by the thirteenth group: the table is full.
  const first = Array.from({ length: 13 }, (_, index) => `group-${index}`);
  expect(first.map((group) => tracker.isRepeat(group))).toEqual(first.map(() => false));
  expect(tracker.isRepeat("group-13")).toBe(true);
  expect(tracker.isRepeat("group-0")).toBe(true);
});
