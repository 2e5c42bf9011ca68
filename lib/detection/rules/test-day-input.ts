import type { DayHistory, DayInput, DetectionCall } from "@/lib/detection/detection-rule";
import { parseDetectionSettings } from "@/lib/detection/detection-settings.schema";

// Builders for rule unit tests: a Tokyo day with calls given by local time, and a history with
// nothing in it unless a test says otherwise. Times are UTC milliseconds, as the rules see them.

const TOKYO_OFFSET_MS = 9 * 3_600_000;

export function tokyoMs(day: string, time: string): number {
  return Date.parse(`${day}T${time}:00Z`) - TOKYO_OFFSET_MS;
}

export function testCall(day: string, time: string, overrides: Partial<DetectionCall> = {}): DetectionCall {
  const startedAtMs = tokyoMs(day, time);
  const billableSeconds = overrides.billableSeconds ?? 60;
  const isAnswered = overrides.isAnswered ?? billableSeconds > 0;
  return {
    startedAtMs,
    endedAtMs: startedAtMs + (overrides.durationSeconds ?? billableSeconds + 5) * 1000,
    localHour: Number(time.slice(0, 2)),
    durationSeconds: billableSeconds + 5,
    billableSeconds,
    isAnswered,
    disposition: isAnswered ? "answered" : "no_answer",
    direction: "outbound",
    isInternational: true,
    destination: "+14155550100",
    destinationCountry: "US",
    numberType: "fixed_line_or_mobile",
    source: "201",
    accountCode: null,
    cost: 10,
    ...overrides,
  };
}

export function emptyHistory(overrides: Partial<DayHistory> = {}): DayHistory {
  return {
    daysWithData: 60,
    isColdStart: false,
    busiestRecentDayCalls: 150,
    recentInternationalPeak: 0,
    sameDayTypeInternational: [],
    sameDayTypeHourly: new Map(),
    countriesCalled: new Set(["US"]),
    countriesOnFlaggedDays: new Map(),
    dailyInternationalCost: [],
    sourcesInternational: new Map(),
    sourcesDaily: new Map(),
    recentInboundOneRing: [],
    sameDayTypeOffHours: [],
    premiumDays: [],
    concurrencyPeaks: [],
    ...overrides,
  };
}

export function testDay(day: string, calls: DetectionCall[], history: Partial<DayHistory> = {}, size = 1): DayInput {
  return {
    day,
    dayType: "workday",
    size,
    dayStartMs: tokyoMs(day, "00:00"),
    dayEndMs: tokyoMs(day, "00:00") + 86_400_000,
    settings: parseDetectionSettings({}),
    currency: "JPY",
    calls: [...calls].sort((a, b) => a.startedAtMs - b.startedAtMs),
    history: emptyHistory(history),
  };
}
