import { expect, test } from "vitest";
import { DetectionSettings } from "@/lib/detection/detection-settings.schema";
import type { EvidenceCall } from "@/lib/evidence-pack/evidence-pack";
import { localTimeIn, numberRangeOf, shapeDestinations, shapeDurations, shapeHourOfDay, shapeTimeline, shapeTotals } from "@/lib/evidence-pack/shape-pattern";

const call = (iso: string, destination: string, billableSeconds = 31, disposition = "answered"): EvidenceCall => ({
  startedAt: new Date(iso), direction: "outbound", source: "201", destination, country: "SL", numberType: "mobile", durationSeconds: billableSeconds + 4,
  billableSeconds, disposition, charge: billableSeconds * 5.5, isChargeEstimated: true, uploadId: "u1", rowNumber: 1,
});
const tokyo = localTimeIn("Asia/Tokyo");
const quiet = Array.from({ length: 24 }, () => new Array<number>(28).fill(0));

test("local hours and days are the organization's (Tokyo is UTC+9)", () => {
  expect(tokyo(new Date("2026-03-13T17:30:00Z"))).toEqual({ day: "2026-03-14", hour: 2 });
});

test("the timeline counts calls per hour from the first to the last, with the usual band per hour", () => {
  const usual = quiet.map((hours, hour) => (hour === 3 ? hours.map((_, index) => index % 10) : hours));
  const timeline = shapeTimeline([call("2026-03-13T17:10:00Z", "+2327600001"), call("2026-03-13T17:50:00Z", "+2327600002"), call("2026-03-13T19:05:00Z", "+2327600003")], usual, tokyo);
  expect(timeline.bucketHours).toBe(1);
  expect(timeline.points.map((point) => point.calls)).toEqual([2, 0, 1]);
  expect(timeline.points[1]).toMatchObject({ usualLow: 0.7, usualHigh: 8 });
});

test("the hour-of-day profile stacks by country and averages the usual hour", () => {
  const profile = shapeHourOfDay([call("2026-03-13T17:10:00Z", "+2327600001")], quiet.map((hours, hour) => (hour === 2 ? hours.fill(2) : hours)), tokyo);
  expect(profile.countries).toEqual(["SL"]);
  expect(profile.points[2]).toEqual({ hour: 2, byCountry: { SL: 1 }, usual: 2 });
});

test("durations use the day page's 5-second buckets, answered calls only", () => {
  const buckets = shapeDurations([call("2026-03-13T17:10:00Z", "+1", 31), call("2026-03-13T17:11:00Z", "+1", 34), call("2026-03-13T17:12:00Z", "+1", 0, "no_answer"), call("2026-03-13T17:13:00Z", "+1", 900)]);
  expect(buckets).toHaveLength(61);
  expect(buckets[6]).toEqual({ bucket: "30–34", from: 30, calls: 2 });
  expect(buckets[60]).toEqual({ bucket: "300+", from: 300, calls: 1 });
});

test("destinations by country and by range (the number without its last four digits)", () => {
  expect(numberRangeOf("+23276123456")).toBe("+2327612");
  const { destinations, numberRanges } = shapeDestinations([call("2026-03-13T17:10:00Z", "+23276123456", 60), call("2026-03-13T17:11:00Z", "+23276129999", 30)]);
  expect(destinations).toEqual([{ country: "SL", calls: 2, minutes: 1.5, charge: 495 }]);
  expect(numberRanges).toEqual([{ country: "SL", range: "+2327612", calls: 2, distinctNumbers: 2 }]);
});

test("totals: minutes from billable seconds, night and off-hours calls, median interval", () => {
  const settings = DetectionSettings.parse({});
  const totals = shapeTotals([call("2026-03-13T17:10:00Z", "+1"), call("2026-03-13T17:10:40Z", "+2"), call("2026-03-16T01:00:00Z", "+3", 0, "busy")], settings, tokyo);
  expect(totals).toMatchObject({ answered: 2, billableSeconds: 62, carrierBilled: null, distinctNumbers: 3, nightCalls: 2, offHoursCalls: 2 });
  expect(totals.medianGapSeconds).toBeGreaterThan(40);
});
