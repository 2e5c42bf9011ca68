import type { DurationBucket } from "@/components/charts/duration-histogram";
import type { IncidentPage } from "@/lib/queries/incident-page";

// The evidence pack as data: everything the PDF, the print view and the bundle show, gathered once
// (gather-evidence.ts) and rendered in several places. Client-safe: types only.

export type EvidenceLocale = "ja" | "en";

/** What the reader chose before printing: language, masking, and the cover letter's fields. */
export type EvidencePackOptions = {
  locale: EvidenceLocale;
  mask: boolean;
  addressee: string;
  accountNumber: string;
  carrier: string;
};

export type EvidenceCall = {
  startedAt: Date;
  direction: string;
  source: string;
  destination: string;
  country: string | null;
  numberType: string;
  durationSeconds: number;
  billableSeconds: number;
  disposition: string;
  /** The carrier's charge when the file has one, else estimated from the rate table. */
  charge: number;
  isChargeEstimated: boolean;
  uploadId: string;
  rowNumber: number;
};

export type EvidenceUpload = {
  id: string;
  fileName: string;
  sizeBytes: number;
  sha256: string | null;
  format: string | null;
  encoding: string | null;
  uploadedAt: Date;
  uploader: string | null;
  rowsRead: number;
  imported: number;
  duplicates: number;
  mergedLegs: number;
  rejected: number;
  /** How many of the incident's calls come from this file. */
  callsInPack: number;
};

export type EvidenceFinding = { id: string; ruleId: string; day: string; severity: string; numbers: Record<string, unknown>; subject: Record<string, string> };

export type TimelinePoint = { startsAt: Date; calls: number; usualLow: number; usualHigh: number };
export type HourOfDayPoint = { hour: number; byCountry: Record<string, number>; usual: number };
export type DestinationRow = { country: string; calls: number; minutes: number; charge: number };
export type NumberRangeRow = { country: string; range: string; calls: number; distinctNumbers: number };
export type MonthRow = { month: string; internationalCalls: number; internationalMinutes: number; callsToIncidentCountries: number; countries: number };
export type RuleMethod = { ruleId: string; isEnabled: boolean; params: Record<string, number> };

export type EvidencePack = {
  reportId: string;
  generatedAt: Date;
  preparedBy: string | null;
  org: { name: string; timeZone: string; currency: string; countryCode: string };
  /** The incident as its page shows it (lib/queries/incident-page.ts), without findings and history. */
  incident: Omit<IncidentPage, "findings" | "events">;
  totals: { answered: number; billableSeconds: number; carrierBilled: number | null; distinctNumbers: number; medianGapSeconds: number | null; nightCalls: number; offHoursCalls: number };
  /** The organization's own lines, extensions and account codes that placed the calls, most first. */
  sources: { source: string; account: string | null; calls: number }[];
  timeline: { bucketHours: number; points: TimelinePoint[] };
  hourOfDay: { countries: string[]; points: HourOfDayPoint[] };
  durations: DurationBucket[];
  destinations: DestinationRow[];
  numberRanges: NumberRangeRow[];
  months: MonthRow[];
  findings: EvidenceFinding[];
  method: { rules: RuleMethod[]; businessHours: { startHour: number; endHour: number; weekdays: number[] }; lines: number | null; allowedCountries: string[] };
  uploads: EvidenceUpload[];
  events: { kind: string; at: Date; actor: string | null; body: string | null; details: Record<string, unknown> }[];
  calls: EvidenceCall[];
};
