import { DistinctTexts } from "@/lib/ingest/distinct-texts";
import type { CallDirection, NormalizedCall } from "@/lib/ingest/normalize/call-record";

// The rollups' measures of a chunk's calls, counted while they are staged: per UTC quarter hour,
// direction and destination country, with the destinations themselves so that they can be counted
// once per local hour and day. Quarter hours, because every zone's offset is a whole number of
// them: which local hour and day a quarter falls in is asked of PostgreSQL, whose time zone rules
// the stored rollups follow (lib/storage/rollups-during-load.ts).

/** An answered call shorter than this counts as short (the 30-second flood pattern). */
export const SHORT_CALL_SECONDS = 60;

export const QUARTER_HOUR_MS = 900_000;

export type QuarterTally = {
  /** Quarter hours since 1970 (UTC). */
  quarter: number;
  direction: CallDirection;
  /** ZZ when unknown, as in the rollup tables. */
  country: string;
  calls: number;
  answeredCalls: number;
  billableSeconds: number;
  /** Cost in ten-thousandths (numeric(14,4)), summed exactly. */
  costUnits: number;
  shortCalls: number;
  /** Destination E.164, else as dialled: the distinct ones are counted. */
  destinations: DistinctTexts;
};

export type CallTally = {
  add(call: NormalizedCall): void;
  /** Calls added. */
  readonly calls: number;
  /** False when a cost could not be summed exactly: the chunk's days are then counted from the stored calls. */
  readonly isExact: boolean;
  groups(): Iterable<QuarterTally>;
  quarters(): number[];
};

const DIRECTIONS: readonly CallDirection[] = ["outbound", "inbound", "internal", "unknown"];
const COST = /^(-?)(\d{1,10})(?:\.(\d{1,4}))?$/;

export function createCallTally(): CallTally {
  /** quarter × 4 + direction → country → tally */
  const byQuarter = new Map<number, Map<string, QuarterTally>>();
  let calls = 0;
  let isExact = true;
  return {
    add(call) {
      const quarter = Math.floor(call.startedAt.getTime() / QUARTER_HOUR_MS);
      const key = quarter * 4 + DIRECTIONS.indexOf(call.direction);
      const country = call.destinationCountry ?? "ZZ";
      let byCountry = byQuarter.get(key);
      if (!byCountry) byQuarter.set(key, (byCountry = new Map()));
      let tally = byCountry.get(country);
      if (!tally) {
        tally = { quarter, direction: call.direction, country, calls: 0, answeredCalls: 0, billableSeconds: 0, costUnits: 0, shortCalls: 0, destinations: new DistinctTexts() };
        byCountry.set(country, tally);
      }
      calls++;
      tally.calls++;
      if (call.disposition === "answered") {
        tally.answeredCalls++;
        if (call.billableSeconds < SHORT_CALL_SECONDS) tally.shortCalls++;
      }
      tally.billableSeconds += call.billableSeconds;
      if (call.costAmount !== null) {
        const units = costUnits(call.costAmount);
        if (units === null) isExact = false;
        else tally.costUnits += units;
      }
      tally.destinations.add(call.destinationE164 ?? call.destinationRaw);
    },
    get calls() {
      return calls;
    },
    get isExact() {
      return isExact && [...byQuarter.values()].every((byCountry) => [...byCountry.values()].every((tally) => Number.isSafeInteger(tally.costUnits)));
    },
    *groups() {
      for (const byCountry of byQuarter.values()) yield* byCountry.values();
    },
    quarters() {
      return [...new Set([...byQuarter.keys()].map((key) => Math.floor(key / 4)))];
    },
  };
}

/** "-12.3456" → -123456; null for text numeric(14,4) would read otherwise. */
export function costUnits(amount: string): number | null {
  const match = COST.exec(amount);
  if (!match) return null;
  const [, sign, whole, fraction = ""] = match;
  const units = Number(whole) * 10_000 + Number(fraction.padEnd(4, "0"));
  return sign === "-" ? -units : units;
}

/** 123456 → "12.3456" (exact, for numeric columns). */
export function unitsAsDecimal(units: number): string {
  const sign = units < 0 ? "-" : "";
  const digits = String(Math.abs(units)).padStart(5, "0");
  return `${sign}${digits.slice(0, -4)}.${digits.slice(-4)}`;
}
