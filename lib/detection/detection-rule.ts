import type { DayType } from "@/lib/detection/calendar";
import type { DetectionSettings } from "@/lib/detection/detection-settings.schema";

// The contract every rule implements (one rule per file in rules/), and what it is given: one
// organization-local day, the day's calls that matter for fraud, and the history behind baselines.

export type ReasonCode =
  | "VOLUME_SPIKE"
  | "NEW_COUNTRY"
  | "HIGH_RISK_DEST"
  | "UNIFORM_SHORT_DURATION"
  | "OFF_HOURS"
  | "CONCURRENCY"
  | "SEQUENTIAL_BNUM"
  | "SOURCE_SHARE"
  | "ACCOUNT_VOLUME_SPIKE"
  | "COST_SPIKE"
  | "WANGIRI_CALLBACK"
  | "PREMIUM_DOMESTIC";

export type Severity = "low" | "medium" | "high" | "critical";

export const SEVERITY_RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };

/** A call as the rules see it: outbound international or premium-rate, or inbound from abroad. */
export type DetectionCall = {
  startedAtMs: number;
  endedAtMs: number;
  /** Organization-local hour of the start (0–23). */
  localHour: number;
  durationSeconds: number;
  billableSeconds: number;
  isAnswered: boolean;
  /** Rang out unanswered ("no_answer"), busy, failed, answered, or unknown. */
  disposition: string;
  direction: "outbound" | "inbound";
  isInternational: boolean;
  /** The number dialled (inbound: ours): E.164 when known, else as written. */
  destination: string;
  /** The other party's country: where an outbound call goes, where an inbound one comes from. */
  destinationCountry: string | null;
  numberType: string;
  /** Extension or calling number (inbound: the foreign caller, E.164 when known). */
  source: string;
  accountCode: string | null;
  /** The carrier's charge when the file has one, else estimated from the rate table. */
  cost: number;
};

export type DaySeries = { day: string; dayType: DayType; calls: number; answered: number; billableSeconds: number; cost: number };

export type DayHistory = {
  /** Days with any call in the 90 days before, and whether baselines are learned (≥ 28 of them). */
  daysWithData: number;
  isColdStart: boolean;
  /** Calls (all directions and destinations) on the busiest of the last 27 earlier days; null without history. */
  busiestRecentDayCalls: number | null;
  /** The most outbound international calls in one of the last 27 earlier days (0 without history). */
  recentInternationalPeak: number;
  /** Outbound international calls per earlier day of the same day type (most recent first, guard band excluded). */
  sameDayTypeInternational: DaySeries[];
  /** Outbound international calls per local hour of the same day type, earlier days (hour → counts per day). */
  sameDayTypeHourly: Map<number, number[]>;
  /** Countries called outbound in the 90 days before (flagged days left out, as in every baseline). */
  countriesCalled: Set<string>;
  /** Countries called only on earlier flagged days → the first of those days, oldest first. */
  countriesOnFlaggedDays: Map<string, string>;
  /** International spend per earlier day (90 days, flagged days left out). */
  dailyInternationalCost: number[];
  /** International calls per source (extension / account) in the 28 days before, flagged days left out. */
  sourcesInternational: Map<string, number>;
  /** International calls per source on each normal earlier day of those 28 (0 where the source made none): per-account baselines. */
  sourcesDaily: Map<string, number[]>;
  /** One-ring calls from abroad in the 3 days before (Wangiri bait candidates). */
  recentInboundOneRing: DetectionCall[];
  /** Outbound international calls while closed, and between 00:00 and 06:00, per earlier day of the same type. */
  sameDayTypeOffHours: { offHours: number; night: number }[];
  /** Premium-rate and shared-cost use per earlier day with calls (28 days): minutes, and premium-rate calls over 30 min while closed. */
  premiumDays: { minutes: number; longOffHours: number }[];
  /** Peak simultaneous answered international calls per earlier day (28 days), in and out of business hours. */
  concurrencyPeaks: { business: number; offHours: number }[];
};

export type DayInput = {
  day: string;
  dayType: DayType;
  /**
   * How much bigger than a small office (600 calls a day) this organization is, at least 1: the
   * fixed thresholds used before a baseline is learned are multiplied by it, so a call centre's
   * first ordinary days do not trip limits written for a ten-seat office. From the busiest of the
   * earlier days; on the first day, the day itself.
   */
  size: number;
  dayStartMs: number;
  dayEndMs: number;
  settings: DetectionSettings;
  currency: string;
  /** The day's relevant calls, sorted by start. */
  calls: DetectionCall[];
  history: DayHistory;
};

export type FindingDraft = {
  ruleId: ReasonCode;
  severity: Severity;
  /** 0–100: how strongly the evidence points to fraud, comparable across rules. */
  score: number;
  day: string;
  periodStartMs: number;
  periodEndMs: number;
  /** What it concerns, where the CDRs say: { account?, extension? }. */
  subject: Record<string, string>;
  /** Tells apart a rule's findings on the same calls' start and subject (e.g. the country). */
  key?: string;
  /** Every number behind the finding; explanations are rendered from these. */
  numbers: Record<string, unknown>;
};

export type DetectionRule = {
  id: ReasonCode;
  /** Parameter defaults, overridable per organization (settings.rules[id].params). */
  defaults: Record<string, number>;
  evaluate(input: DayInput, params: Record<string, number>): FindingDraft[];
};
