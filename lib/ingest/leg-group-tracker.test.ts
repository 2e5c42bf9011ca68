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

test("groups beyond a full table go into the filter: still remembered, every one", () => {
  const tracker = createLegGroupTracker({ maxSlots: 16 });
  // Sixteen slots, filled past three quarters by the thirteenth group; the rest go into the filter.
  const groups = Array.from({ length: 5_000 }, (_, index) => `group-${index}`);
  expect(groups.filter((group) => tracker.isRepeat(group))).toEqual([]);
  expect(groups.every((group) => tracker.isRepeat(group))).toBe(true);
});

test("a filter too small for its groups takes new ones as seen, never a seen one as new", () => {
  // One block of 512 bits for a thousand groups: nearly every bit set, so most new groups look seen.
  const tracker = createLegGroupTracker({ maxSlots: 16, filterWords: 16 });
  const groups = Array.from({ length: 1_000 }, (_, index) => `group-${index}`);
  const takenAsSeen = groups.filter((group) => tracker.isRepeat(group)).length;
  expect(takenAsSeen).toBeGreaterThan(500);
  expect(groups.every((group) => tracker.isRepeat(group))).toBe(true);
});
