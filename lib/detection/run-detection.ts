import "server-only";
import { planAlerts } from "@/lib/alerts/plan-alerts";
import type { OrgContext } from "@/lib/db/org-context";
import { evaluateDay } from "@/lib/detection/evaluate-day";
import { groupFindingsIntoIncidents } from "@/lib/detection/group-findings-into-incidents";
import { loadDetectionContext, loadDetectionWindow } from "@/lib/detection/load-detection-input";
import { addDays, daysBetween } from "@/lib/detection/local-days";
import { saveDayStats } from "@/lib/detection/save-day-stats";
import { saveFindings } from "@/lib/detection/save-findings";

// Detection for an organization: the given local days (an upload's) plus the week after them,
// whose baselines the new calls changed — or, without days, every day that has calls. Days are
// evaluated oldest first: a day with a critical finding (the hijack signature) is left out of the
// baselines of the days after it, unless its incident was marked a false alarm. Idempotent: the same calls give the
// same findings and incidents.

const TRAILING_DAYS = 7;
const BASELINE_DAYS = 90;
/** Days evaluated from one read of calls and rollups: at most a month, and at most this many calls to read. */
const BATCH_DAYS = 31;
const BATCH_CALLS = 200_000;

/** Wall time per stage, for the benchmark (`npm run bench:detect`). */
export type DetectionStageSeconds = { loadInput: number; evaluateDays: number; saveFindings: number; dayStats: number; incidents: number };
export type DetectionRun = { days: number; findings: number; incidents: number; stageSeconds: DetectionStageSeconds };

/** `batchCalls` (default BATCH_CALLS): tests make it small to split a month into many batches. */
export async function runDetection(ctx: OrgContext, options: { days?: readonly string[]; batchCalls?: number } = {}): Promise<DetectionRun> {
  const stageSeconds: DetectionStageSeconds = { loadInput: 0, evaluateDays: 0, saveFindings: 0, dayStats: 0, incidents: 0 };
  const timed = async <T>(stage: keyof DetectionStageSeconds, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      stageSeconds[stage] += (performance.now() - started) / 1000;
    }
  };
  const days = await timed("loadInput", () => daysToEvaluate(ctx, options.days));
  const detection = await timed("loadInput", () => loadDetectionContext(ctx));
  const { flaggedDays, dismissedDays } = days.length === 0 ? { flaggedDays: new Set<string>(), dismissedDays: new Set<string>() } : await timed("loadInput", () => loadEarlierVerdicts(ctx, days[0]));
  let findings = 0;
  for (const batch of await timed("loadInput", () => batchesOf(ctx, days, options.batchCalls ?? BATCH_CALLS))) {
    const window = await timed("loadInput", () => loadDetectionWindow(ctx, detection, batch));
    const drafts = await timed("evaluateDays", () => batch.flatMap((day) => {
      const dayDrafts = evaluateDay(window.inputFor(day, flaggedDays));
      if (!dismissedDays.has(day) && dayDrafts.some((draft) => draft.severity === "critical")) flaggedDays.add(day);
      return dayDrafts;
    }));
    await timed("saveFindings", () => saveFindings(ctx, batch, drafts));
    await timed("dayStats", () => saveDayStats(ctx, batch.map((day) => [day, window.statsFor(day)] as const)));
    findings += drafts.length;
  }
  const incidents = await timed("incidents", () => groupFindingsIntoIncidents(ctx, detection, options.days ? new Set(days) : undefined));
  await queueAlerts(ctx);
  return { days: days.length, findings, incidents, stageSeconds };
}

/**
 * The days in batches of at most BATCH_DAYS days and `maxCalls` fraud-relevant calls (a day with
 * more is a batch of its own): a provider's month of calls, read at once, took hundreds of megabytes.
 */
async function batchesOf(ctx: OrgContext, days: string[], maxCalls: number): Promise<string[][]> {
  if (days.length === 0) return [];
  const counted = await ctx.db.pool.query<{ day: string; calls: number }>(
    `SELECT to_char((started_at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS day, count(*)::int AS calls
       FROM call_records
      WHERE org_id = $1 AND is_fraud_relevant
        AND started_at >= ($3::date::timestamp AT TIME ZONE $2) AND started_at < (($4::date + 1)::timestamp AT TIME ZONE $2)
      GROUP BY 1`,
    [ctx.org.id, ctx.org.timeZone, days[0], days.at(-1)],
  );
  const callsOn = new Map(counted.rows.map((row) => [row.day, row.calls]));
  const batches: string[][] = [];
  let batch: string[] = [];
  let calls = 0;
  for (const day of days) {
    const dayCalls = callsOn.get(day) ?? 0;
    if (batch.length > 0 && (batch.length === BATCH_DAYS || calls + dayCalls > maxCalls)) {
      batches.push(batch);
      [batch, calls] = [[], 0];
    }
    batch.push(day);
    calls += dayCalls;
  }
  batches.push(batch);
  return batches;
}

/** Alerts for incidents that opened or grew; a failure here never undoes detection (the next run plans them). */
async function queueAlerts(ctx: OrgContext): Promise<void> {
  try {
    await planAlerts(ctx);
  } catch (error) {
    console.error(`Planning alerts for organization ${ctx.org.slug} failed; the next detection run retries.`, error);
  }
}

/** Local days with calls: all of them, or the given ones and the week after (up to the last day with calls). */
async function daysToEvaluate(ctx: OrgContext, requested: readonly string[] | undefined): Promise<string[]> {
  const rows = await ctx.db.pool.query<{ day: string }>(
    `SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS day FROM daily_stats WHERE org_id = $1 ORDER BY 1`,
    [ctx.org.id],
  );
  const withCalls = rows.rows.map((row) => row.day);
  if (!requested) return withCalls;
  if (requested.length === 0 || withCalls.length === 0) return [];
  const sorted = [...requested].sort();
  const last = withCalls.at(-1)!;
  const until = addDays(sorted.at(-1)!, TRAILING_DAYS) < last ? addDays(sorted.at(-1)!, TRAILING_DAYS) : last;
  const wanted = new Set([...sorted, ...daysBetween(sorted.at(-1)!, until)]);
  return [...wanted].filter((day) => day <= last).sort();
}

/**
 * Days from 90 days before `first` with critical findings: flagged (left out of baselines)
 * unless a person marked their incident a false alarm — those days are dismissed and count as normal.
 */
export async function loadEarlierVerdicts(ctx: OrgContext, first: string): Promise<{ flaggedDays: Set<string>; dismissedDays: Set<string> }> {
  const rows = await ctx.db.pool.query<{ day: string; dismissed: boolean }>(
    `SELECT to_char(f.day, 'YYYY-MM-DD') AS day, bool_or(i.status = 'false_alarm') AS dismissed
       FROM findings f LEFT JOIN incidents i ON i.org_id = f.org_id AND i.id = f.incident_id
      WHERE f.org_id = $1 AND f.day >= $2::date - $3::int AND f.severity = 'critical'
      GROUP BY f.day`,
    [ctx.org.id, first, BASELINE_DAYS],
  );
  const flaggedDays = new Set<string>();
  const dismissedDays = new Set<string>();
  for (const row of rows.rows) {
    if (row.dismissed) dismissedDays.add(row.day);
    else if (row.day < first) flaggedDays.add(row.day);
  }
  return { flaggedDays, dismissedDays };
}
