import "server-only";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { OrgContext } from "@/lib/db/org-context";
import { dayTypeOf, isBusinessHour, type DayType } from "@/lib/detection/calendar";
import { isOneRingFromAbroad } from "@/lib/detection/call-sets";
import { computeDayStats, type DayStats } from "@/lib/detection/day-stats";
import { createRateLookup } from "@/lib/detection/data/default-rates";
import type { DayHistory, DayInput, DetectionCall, DaySeries } from "@/lib/detection/detection-rule";
import { parseDetectionSettings, type DetectionSettings } from "@/lib/detection/detection-settings.schema";
import { addDays, daysBetween, localDayBounds } from "@/lib/detection/local-days";
import { sourceOf } from "@/lib/detection/rules/source-share";
import { callingCodeOf, isFraudRelevantSql } from "@/lib/storage/fraud-relevance";

// Everything the rules need for a range of organization-local days, in a handful of queries:
// daily and hourly rollups for baselines (90 and 56 days back), the stored stats of the four weeks
// before (detection_day_stats), and the calls that matter for fraud — outbound international or
// premium-rate, inbound from abroad — of the days themselves and the three before (Wangiri).

const HISTORY_DAYS = 90;
const HOURLY_HISTORY_DAYS = 56;
const GUARD_DAYS = 2;
const SAME_TYPE_SAMPLES = 8;
const COLD_START_DAYS = 28;
const SHORT_HISTORY_DAYS = 27;
const SOURCE_HISTORY_DAYS = 28;
const WANGIRI_LOOKBACK_DAYS = 3;
const ONE_RING_SECONDS = 5;
const NIGHT_END_HOUR = 6;
/** Calls a day (all directions) of the small office the fixed thresholds were written for (DayInput.size). */
const SIZE_UNIT_CALLS = 600;

export type DetectionContext = { settings: DetectionSettings; rate: (call: { country: string | null; numberType: string; isInternational: boolean; billableSeconds: number; carrierCost: number | null }) => number };

export async function loadDetectionContext(ctx: OrgContext): Promise<DetectionContext> {
  const org = await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { detectionSettings: true } });
  const settings = parseDetectionSettings(org.detectionSettings);
  const lookup = createRateLookup(settings.ratesPerMinute);
  // Built-in rates are in yen; other currencies estimate only with the organization's own rates.
  const canEstimate = ctx.org.currency === "JPY" || Object.keys(settings.ratesPerMinute).length > 0;
  return {
    settings,
    rate: (call) => call.carrierCost ?? (canEstimate ? (call.billableSeconds / 60) * lookup(call.country, call.numberType, call.isInternational) : 0),
  };
}

/** The rollups, calls and stored day stats behind a range of days; `inputFor` builds one day's input from them. */
export type DetectionWindow = {
  /**
   * One day's input. `flaggedDays` are earlier days with critical findings: their calls
   * stay out of every baseline, so a four-day attack cannot teach the baselines that it is normal.
   */
  inputFor(day: string, flaggedDays: ReadonlySet<string>, options?: { asOfMs?: number }): DayInput;
  /** A day of the range, summarized for later baselines (stored by run-detection). */
  statsFor(day: string): DayStats;
};

export async function loadDetectionWindow(ctx: OrgContext, detection: DetectionContext, days: readonly string[]): Promise<DetectionWindow> {
  const sorted = [...days].sort();
  const [first, last] = [sorted[0], sorted.at(-1)!];
  const zone = ctx.org.timeZone;
  const daily = await loadDailyInternational(ctx, detection, addDays(first, -HISTORY_DAYS), last);
  const hourly = await loadHourlyInternational(ctx, detection.settings, addDays(first, -HOURLY_HISTORY_DAYS), last);
  // Earlier days' baselines come from their stored stats; calls are read for the range itself, the
  // Wangiri look-back, and any earlier day whose stats are missing (never evaluated yet).
  const stored = await loadStoredDayStats(ctx, addDays(first, -SOURCE_HISTORY_DAYS), addDays(first, -1));
  const missing = daysBetween(addDays(first, -SOURCE_HISTORY_DAYS), addDays(first, -1)).filter((day) => daily.get(day)?.hasAnyCall && !stored.has(day));
  const callsFrom = [addDays(first, -WANGIRI_LOOKBACK_DAYS), ...missing].sort()[0];
  const calls = await loadCalls(ctx, detection, callsFrom, last);
  const computed = new Map<string, DayStats>();
  const statsOf = (day: string): DayStats => {
    let stats = computed.get(day) ?? (day < first ? stored.get(day) : undefined);
    if (!stats) {
      stats = computeDayStats(day, calls.byDay.get(day) ?? [], detection.settings, sourceOf);
      computed.set(day, stats);
    }
    return stats;
  };
  return {
    statsFor: statsOf,
    inputFor(day, flaggedDays, options = {}) {
      const { startMs, endMs } = localDayBounds(day, zone);
      const dayCalls = calls.byDay.get(day) ?? [];
      const { asOfMs } = options;
      const dayType = dayTypeOf(day, detection.settings);
      const history = historyFor(day, dayType, { daily, hourly, calls, statsOf, flaggedDays }, detection.settings);
      const usualCalls = history.busiestRecentDayCalls ?? daily.get(day)?.allCalls ?? 0;
      return {
        day,
        dayType,
        size: Math.max(1, usualCalls / SIZE_UNIT_CALLS),
        dayStartMs: startMs,
        dayEndMs: endMs,
        settings: detection.settings,
        currency: ctx.org.currency,
        calls: asOfMs === undefined ? dayCalls : dayCalls.filter((call) => call.endedAtMs <= asOfMs),
        history,
      };
    },
  };
}

async function loadStoredDayStats(ctx: OrgContext, from: string, to: string): Promise<Map<string, DayStats>> {
  const rows = await ctx.db.pool.query<{ day: string; stats: DayStats }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, stats FROM detection_day_stats WHERE org_id = $1 AND day BETWEEN $2::date AND $3::date`,
    [ctx.org.id, from, to],
  );
  return new Map(rows.rows.map((row) => [row.day, row.stats]));
}

type DailyRow = DaySeries & { countries: string[]; hasAnyCall: boolean; allCalls: number };

async function loadDailyInternational(ctx: OrgContext, detection: DetectionContext, from: string, to: string): Promise<Map<string, DailyRow>> {
  const rows = await ctx.db.pool.query<{ day: string; direction: string; country: string; calls: number; answered: number; billable: string; cost: string }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, direction, destination_country AS country, calls, answered_calls AS answered,
            billable_seconds AS billable, estimated_cost AS cost
       FROM daily_stats WHERE org_id = $1 AND day BETWEEN $2::date AND $3::date`,
    [ctx.org.id, from, to],
  );
  const byDay = new Map<string, DailyRow>();
  for (const row of rows.rows) {
    const entry = byDay.get(row.day) ?? { day: row.day, dayType: dayTypeOf(row.day, detection.settings), calls: 0, answered: 0, billableSeconds: 0, cost: 0, countries: [], hasAnyCall: false, allCalls: 0 };
    entry.hasAnyCall = true;
    entry.allCalls += row.calls;
    const country = row.country.trim();
    const isInternational = row.direction === "outbound" && country !== "ZZ" && country !== ctx.org.countryCode && !detection.settings.allowedCountries.includes(country);
    if (row.direction === "outbound" && country !== "ZZ") entry.countries.push(country);
    if (isInternational) {
      entry.calls += row.calls;
      entry.answered += row.answered;
      entry.billableSeconds += Number(row.billable);
      const carrierCost = Number(row.cost);
      entry.cost += detection.rate({ country, numberType: "fixed_line", isInternational: true, billableSeconds: Number(row.billable), carrierCost: carrierCost > 0 ? carrierCost : null });
    }
    byDay.set(row.day, entry);
  }
  return byDay;
}

/** Outbound international calls per local day and hour. */
async function loadHourlyInternational(ctx: OrgContext, settings: DetectionSettings, from: string, to: string): Promise<Map<string, Map<number, number>>> {
  const rows = await ctx.db.pool.query<{ day: string; hour: number; calls: number }>(
    `SELECT to_char(hour_start AT TIME ZONE $2, 'YYYY-MM-DD') AS day, extract(hour FROM hour_start AT TIME ZONE $2)::int AS hour, sum(calls)::int AS calls
       FROM hourly_stats
      WHERE org_id = $1 AND direction = 'outbound' AND destination_country NOT IN ('ZZ', $3) AND NOT (destination_country = ANY($6::text[]))
        AND hour_start >= ($4::date::timestamp AT TIME ZONE $2) AND hour_start < (($5::date + 1)::timestamp AT TIME ZONE $2)
      GROUP BY 1, 2`,
    [ctx.org.id, ctx.org.timeZone, ctx.org.countryCode, from, to, settings.allowedCountries],
  );
  const byDay = new Map<string, Map<number, number>>();
  for (const row of rows.rows) {
    const hours = byDay.get(row.day) ?? new Map<number, number>();
    hours.set(row.hour, row.calls);
    byDay.set(row.day, hours);
  }
  return byDay;
}

type LoadedCalls = { byDay: Map<string, DetectionCall[]> };

async function loadCalls(ctx: OrgContext, detection: DetectionContext, from: string, to: string): Promise<LoadedCalls> {
  const byDay = new Map<string, DetectionCall[]>();
  // A day at a time: read at once, a month of a carrier's calls (eight million) took half a
  // gigabyte of rows before they became calls.
  for (const day of daysBetween(from, to)) {
    const calls = await loadCallsOfDay(ctx, detection, day);
    if (calls.length > 0) byDay.set(day, calls);
  }
  return { byDay };
}

async function loadCallsOfDay(ctx: OrgContext, detection: DetectionContext, day: string): Promise<DetectionCall[]> {
  const callingCode = callingCodeOf(ctx.org.countryCode);
  const rows = await ctx.db.pool.query<{
    hour: number; started_ms: string; ended_ms: string | null; duration: number; billable: number; disposition: string;
    direction: "outbound" | "inbound"; destination: string; country: string | null; number_type: string; source: string; account_code: string | null; cost: string | null;
  }>(
    `SELECT extract(hour FROM started_at AT TIME ZONE $2)::int AS hour,
            (extract(epoch FROM started_at) * 1000)::bigint AS started_ms, (extract(epoch FROM ended_at) * 1000)::bigint AS ended_ms,
            duration_seconds AS duration, billable_seconds AS billable, disposition, direction,
            coalesce(destination_e164, destination_raw) AS destination, destination_country AS country, destination_number_type AS number_type,
            CASE WHEN direction = 'inbound' THEN coalesce(source_e164, source_raw) ELSE source_raw END AS source, account_code, cost_amount AS cost
       FROM call_records
      WHERE org_id = $1 AND is_fraud_relevant
        AND started_at >= ($3::date::timestamp AT TIME ZONE $2) AND started_at < (($3::date + 1)::timestamp AT TIME ZONE $2)
        AND ${isFraudRelevantSql("call_records", "$4", "$5")}
      ORDER BY started_at`,
    [ctx.org.id, ctx.org.timeZone, day, ctx.org.countryCode, callingCode],
  );
  return rows.rows.map((row) => {
    const startedAtMs = Number(row.started_ms);
    const isInbound = row.direction === "inbound";
    const country = isInbound ? countryOfE164(row.source) : row.country?.trim() || null;
    const isInternational = isInbound || row.number_type === "international_network" || (country !== null && country !== ctx.org.countryCode);
    return {
      startedAtMs,
      endedAtMs: row.ended_ms === null ? startedAtMs + row.duration * 1000 : Number(row.ended_ms),
      localHour: row.hour,
      durationSeconds: row.duration,
      billableSeconds: row.billable,
      isAnswered: row.disposition === "answered",
      disposition: row.disposition,
      direction: row.direction,
      isInternational,
      destination: row.destination,
      destinationCountry: country,
      numberType: row.number_type,
      source: row.source,
      accountCode: row.account_code,
      cost: isInbound ? 0 : detection.rate({ country, numberType: row.number_type, isInternational, billableSeconds: row.billable, carrierCost: row.cost === null ? null : Number(row.cost) }),
    };
  });
}

const countryCache = new Map<string, string | null>();
function countryOfE164(e164: string): string | null {
  let country = countryCache.get(e164);
  if (country === undefined) {
    country = parsePhoneNumberFromString(e164)?.country ?? null;
    if (countryCache.size > 50_000) countryCache.clear();
    countryCache.set(e164, country);
  }
  return country;
}

type HistorySources = {
  daily: Map<string, DailyRow>;
  hourly: Map<string, Map<number, number>>;
  calls: LoadedCalls;
  statsOf: (day: string) => DayStats;
  flaggedDays: ReadonlySet<string>;
};

function historyFor(day: string, dayType: DayType, sources: HistorySources, settings: DetectionSettings): DayHistory {
  const { daily, hourly, calls, statsOf, flaggedDays } = sources;
  const earlier = (count: number, skip = 0) => Array.from({ length: count }, (_, index) => addDays(day, -(index + 1 + skip)));
  const previous = earlier(HISTORY_DAYS);
  const daysWithData = previous.filter((candidate) => daily.get(candidate)?.hasAnyCall).length;
  // At most a quarter of the history is left out, the most recent flagged days first: should most
  // days be flagged, leaving them all out would freeze the baselines and flag every day after.
  const excluded = new Set(previous.filter((candidate) => flaggedDays.has(candidate)).slice(0, Math.floor(daysWithData / 4)));
  const isNormal = (candidate: string) => daily.get(candidate)?.hasAnyCall === true && !excluded.has(candidate);
  const normalPrevious = previous.filter(isNormal);
  const sameType = earlier(HOURLY_HISTORY_DAYS - GUARD_DAYS, GUARD_DAYS).filter((candidate) => dayTypeOf(candidate, settings) === dayType && isNormal(candidate));
  const sameDayTypeInternational = sameType.slice(0, SAME_TYPE_SAMPLES).map((candidate) => daily.get(candidate)!);
  const sameDayTypeHourly = new Map<number, number[]>();
  for (let hour = 0; hour < 24; hour++) sameDayTypeHourly.set(hour, sameType.map((candidate) => hourly.get(candidate)?.get(hour) ?? 0));
  const sourcesInternational = new Map<string, number>();
  for (const candidate of earlier(SOURCE_HISTORY_DAYS).filter((candidate) => daily.get(candidate)?.hasAnyCall && !excluded.has(candidate))) {
    for (const [source, count] of Object.entries(statsOf(candidate).internationalBySource)) sourcesInternational.set(source, (sourcesInternational.get(source) ?? 0) + count);
  }
  const sourceDays = earlier(SOURCE_HISTORY_DAYS).filter(isNormal);
  const sourcesDaily = new Map<string, number[]>();
  sourceDays.forEach((candidate, index) => {
    for (const [source, count] of Object.entries(statsOf(candidate).internationalBySource)) {
      const counts = sourcesDaily.get(source) ?? new Array<number>(sourceDays.length).fill(0);
      counts[index] = count;
      sourcesDaily.set(source, counts);
    }
  });
  const countriesOnFlaggedDays = new Map<string, string>();
  for (const candidate of previous.filter((candidate) => excluded.has(candidate))) {
    for (const country of daily.get(candidate)?.countries ?? []) countriesOnFlaggedDays.set(country, candidate);
  }
  const recentInboundOneRing = earlier(WANGIRI_LOOKBACK_DAYS).flatMap((candidate) => (calls.byDay.get(candidate) ?? []).filter((call) => isOneRingFromAbroad(call, ONE_RING_SECONDS)));
  const sameDayTypeOffHours = sameType.map((candidate) => {
    const hours = hourly.get(candidate);
    let offHours = 0;
    let night = 0;
    for (const [hour, count] of hours ?? []) {
      if (!isBusinessHour(candidate, hour, settings)) offHours += count;
      if (hour < NIGHT_END_HOUR) night += count;
    }
    return { offHours, night };
  });
  const recentNormal = earlier(SOURCE_HISTORY_DAYS).filter(isNormal);
  const premiumDays = recentNormal.map((candidate) => ({ minutes: statsOf(candidate).premiumMinutes, longOffHours: statsOf(candidate).premiumLongOffHours }));
  const concurrencyPeaks = recentNormal.map((candidate) => ({ business: statsOf(candidate).concurrencyBusiness, offHours: statsOf(candidate).concurrencyOffHours }));
  const callsPerDay = normalPrevious.slice(0, SHORT_HISTORY_DAYS).map((candidate) => daily.get(candidate)!.allCalls);
  return {
    daysWithData,
    busiestRecentDayCalls: callsPerDay.length === 0 ? null : Math.max(...callsPerDay),
    recentInternationalPeak: Math.max(0, ...normalPrevious.slice(0, SHORT_HISTORY_DAYS).map((candidate) => daily.get(candidate)!.calls)),
    isColdStart: daysWithData < COLD_START_DAYS,
    sameDayTypeInternational,
    sameDayTypeHourly,
    countriesCalled: new Set(normalPrevious.flatMap((candidate) => daily.get(candidate)?.countries ?? [])),
    countriesOnFlaggedDays,
    dailyInternationalCost: normalPrevious.map((candidate) => daily.get(candidate)!.cost),
    sourcesInternational,
    sourcesDaily,
    recentInboundOneRing,
    sameDayTypeOffHours,
    premiumDays,
    concurrencyPeaks,
  };
}
