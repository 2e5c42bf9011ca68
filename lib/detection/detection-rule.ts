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
  /** Foreign numbers that called in (inbound, missed or one-ring) in the 3 days before. */
  recentInboundForeignMissed: Set<string>;
};

export type DayInput = {
  day: string;
  dayType: DayType;
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
  /** Every number behind the finding; explanations are rendered from these. */
  numbers: Record<string, unknown>;
};

export type DetectionRule = {
  id: ReasonCode;
  /** Parameter defaults, overridable per organization (settings.rules[id].params). */
  defaults: Record<string, number>;
  evaluate(input: DayInput, params: Record<string, number>): FindingDraft[];
};
