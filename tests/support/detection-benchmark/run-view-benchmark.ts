import iconv from "iconv-lite";
import type { Database, OrgContext } from "@/lib/db/org-context";
import { SEVERITY_RANK, type Severity } from "@/lib/detection/detection-rule";
import { evaluateDay } from "@/lib/detection/evaluate-day";
import { loadDetectionContext, loadDetectionWindow } from "@/lib/detection/load-detection-input";
import { daysBetween, localDayBounds } from "@/lib/detection/local-days";
import { loadEarlierVerdicts } from "@/lib/detection/run-detection";
import { runIngest } from "@/lib/ingest/run-ingest";
import { isCarrierBilled } from "@/lib/simulation/is-carrier-billed";
import type { ProfileId, ScenarioLabel, SimulatedCall } from "@/lib/simulation/simulated-call";
import { simulateTraffic, type SimulationResult } from "@/lib/simulation/simulate-traffic";
import { tokyoDateText } from "@/lib/simulation/tokyo-time";
import { toAsteriskMaster } from "@/lib/simulation/writers/to-asterisk-master";
import { toCarrierBill } from "@/lib/simulation/writers/to-carrier-bill";
import { createOrg } from "@/prisma/seed/create-org";
import { findingPointsAt, type FindingLike } from "./finding-points-at";

// One profile seen one way, through the real pipeline: the simulated period is imported as its
// files (the PBX's Master.csv, or the carrier's monthly 通話明細 in CP932), which runs detection as
// every import does. Then each day an attack touched is replayed hour by hour: at the end of every
// hour the day is evaluated with only the calls that had ended by then (what continuous monitoring
// will evaluate after each push), to find when each attack was first flagged and what it had cost.

export type BenchmarkView = "pbx" | "carrier";

const FLAGGED: ReadonlySet<string> = new Set(["medium", "high", "critical"]);
const SERIOUS: ReadonlySet<string> = new Set(["high", "critical"]);
const HOUR_MS = 3_600_000;

export type ScenarioOutcome = {
  label: ScenarioLabel;
  /** Whether this view contains any of the scenario's calls (a carrier bill has no failed attempts). */
  isVisible: boolean;
  /** Flagged (medium or above) by a finding about it, after all its calls were imported. */
  isDetected: boolean;
  worstSeverity: Severity | null;
  /** Hours from the scenario's first call to the end of the hour in which it was first flagged / flagged high. */
  hoursToFlag: number | null;
  hoursToHigh: number | null;
  /** The end of the hour in which it was first flagged high, in the hour-by-hour replay. */
  flaggedHighAtMs: number | null;
  /** What the scenario's calls had cost by the end of the hour it was first flagged (all of it if never). */
  costBeforeFlag: number;
  costTotal: number;
};

export type ViewBenchmark = {
  profileId: ProfileId;
  view: BenchmarkView;
  days: number;
  importedCalls: number;
  importSeconds: number;
  replaySeconds: number;
  scenarios: ScenarioOutcome[];
  flaggedDays: string[];
  attackDays: string[];
  /** Days of the legitimate campaign (no attack): it may be noticed, never flagged high. */
  campaignDays: string[];
  campaignFlaggedDays: string[];
  /** Clean days: no scenario's call on them, attack or campaign. */
  cleanDays: number;
  /** Clean days flagged anyway, with the rules that flagged them. */
  falseFlaggedDays: { day: string; rules: string[] }[];
  /** Per rule: on how many clean days it flagged, and its first such finding (to explain). */
  falseFlagsByRule: { ruleId: string; days: string[]; example: { day: string; numbers: Record<string, unknown>; subject: Record<string, string> } }[];
  falseFlaggedDaysPerYear: number;
  /** Of the flagged days, the share with attack calls (campaign days count against it); null when nothing was flagged. */
  dayPrecision: number | null;
};

export type ViewBenchmarkOptions = { profileId: ProfileId; view: BenchmarkView; startDate: string; days: number; seed: number };

export async function runViewBenchmark(db: Database, options: ViewBenchmarkOptions): Promise<ViewBenchmark> {
  const simulation = simulateTraffic({ profileId: options.profileId, startDate: options.startDate, days: options.days, seed: options.seed });
  const ctx = await createOrg(db, { name: `Benchmark ${options.profileId} ${options.view}`, timeZone: "Asia/Tokyo", countryCode: "JP" });

  const importStarted = performance.now();
  const importedCalls = options.view === "pbx" ? await importPbxView(ctx, simulation) : await importCarrierView(ctx, simulation);
  const importSeconds = (performance.now() - importStarted) / 1000;

  const costs = scenarioCallCosts(simulation, options.view);
  const replayStarted = performance.now();
  const firstFlags = await replayAttackDays(ctx, simulation.labels, costs, options.view);
  const replaySeconds = (performance.now() - replayStarted) / 1000;

  const finalFindings = await loadFlaggingFindings(ctx);
  const scenarios = simulation.labels.map((label): ScenarioOutcome => {
    const calls = costs.get(label.id) ?? [];
    const about = finalFindings.filter((finding) => findingPointsAt(finding, label, options.view));
    const worstSeverity = about.reduce<Severity | null>((worst, finding) => (worst === null || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[worst] ? finding.severity : worst), null);
    const flag = firstFlags.get(label.id);
    const flaggedAtMs = flag?.flaggedAtMs ?? Infinity;
    return {
      label,
      isVisible: calls.length > 0,
      isDetected: about.length > 0,
      worstSeverity,
      hoursToFlag: flag?.flaggedAtMs === undefined ? null : (flag.flaggedAtMs - label.firstCallAtMs) / HOUR_MS,
      hoursToHigh: flag?.highAtMs === undefined ? null : (flag.highAtMs - label.firstCallAtMs) / HOUR_MS,
      flaggedHighAtMs: flag?.highAtMs ?? null,
      costBeforeFlag: calls.filter((call) => call.endedAtMs <= flaggedAtMs).reduce((total, call) => total + call.cost, 0),
      costTotal: calls.reduce((total, call) => total + call.cost, 0),
    };
  });

  const allDays = daysBetween(tokyoDateText(simulation.periodStartMs), tokyoDateText(simulation.periodEndMs - 1));
  const attackDays = new Set(
    simulation.labels.filter((label) => label.isAttack).flatMap((label) => (costs.get(label.id) ?? []).map((call) => tokyoDateText(call.startedAtMs))),
  );
  const campaignDays = new Set(
    simulation.labels.filter((label) => !label.isAttack).flatMap((label) => (costs.get(label.id) ?? []).map((call) => tokyoDateText(call.startedAtMs))).filter((day) => !attackDays.has(day)),
  );
  const isClean = (day: string) => !attackDays.has(day) && !campaignDays.has(day);
  const flaggedDays = [...new Set(finalFindings.map((finding) => finding.day))].sort();
  const falseFlaggedDays = flaggedDays
    .filter(isClean)
    .map((day) => ({ day, rules: [...new Set(finalFindings.filter((finding) => finding.day === day).map((finding) => `${finding.ruleId}:${finding.severity}`))] }));
  const cleanDays = allDays.filter(isClean).length;
  const falseFindings = finalFindings.filter((finding) => isClean(finding.day)).sort((a, b) => a.day.localeCompare(b.day));
  const falseFlagsByRule = [...new Set(falseFindings.map((finding) => finding.ruleId))].sort().map((ruleId) => {
    const ofRule = falseFindings.filter((finding) => finding.ruleId === ruleId);
    return { ruleId, days: [...new Set(ofRule.map((finding) => finding.day))], example: { day: ofRule.at(-1)!.day, numbers: ofRule.at(-1)!.numbers, subject: ofRule.at(-1)!.subject } };
  });
  return {
    profileId: options.profileId,
    view: options.view,
    days: options.days,
    importedCalls,
    importSeconds,
    replaySeconds,
    scenarios,
    flaggedDays,
    attackDays: [...attackDays].sort(),
    campaignDays: [...campaignDays].sort(),
    campaignFlaggedDays: flaggedDays.filter((day) => campaignDays.has(day)),
    cleanDays,
    falseFlaggedDays,
    falseFlagsByRule,
    falseFlaggedDaysPerYear: cleanDays === 0 ? 0 : (falseFlaggedDays.length / cleanDays) * 365,
    dayPrecision: flaggedDays.length === 0 ? null : flaggedDays.filter((day) => attackDays.has(day)).length / flaggedDays.length,
  };
}

async function importPbxView(ctx: OrgContext, simulation: SimulationResult): Promise<number> {
  const summary = await runIngest(ctx, { source: encoded(toAsteriskMaster(simulation.calls), "utf8"), fileName: "Master.csv", fileTimeZone: "Asia/Tokyo", maxBytes: 16 * 1024 ** 3 });
  return summary.imported;
}

async function importCarrierView(ctx: OrgContext, simulation: SimulationResult): Promise<number> {
  let imported = 0;
  for (const { year, month } of simulation.statementMonths) {
    const statementMonth = `${year}-${String(month).padStart(2, "0")}`;
    const bill = toCarrierBill(simulation.calls, { year, month }, { customerName: simulation.customerName });
    const summary = await runIngest(ctx, { source: encoded(bill, "cp932"), fileName: `通話明細_${statementMonth.replace("-", "")}.csv`, statementMonth, maxBytes: 16 * 1024 ** 3 });
    imported += summary.imported;
  }
  return imported;
}

async function* encoded(chunks: Iterable<string>, encoding: "utf8" | "cp932"): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield encoding === "utf8" ? Buffer.from(chunk) : iconv.encode(chunk, "cp932");
}

type ScenarioCall = { startedAtMs: number; endedAtMs: number; cost: number };

/** Each scenario's calls as this view shows them (the bill: charged calls only), with what they cost. */
function scenarioCallCosts(simulation: SimulationResult, view: BenchmarkView): Map<string, ScenarioCall[]> {
  const byScenario = new Map<string, ScenarioCall[]>();
  for (const call of simulation.calls as Iterable<SimulatedCall>) {
    if (call.scenarioId === null || (view === "carrier" && !isCarrierBilled(call))) continue;
    const calls = byScenario.get(call.scenarioId) ?? [];
    calls.push({ startedAtMs: call.startedAtMs, endedAtMs: call.startedAtMs + call.durationSeconds * 1000, cost: call.costYen });
    byScenario.set(call.scenarioId, calls);
  }
  return byScenario;
}

type FirstFlag = { flaggedAtMs?: number; highAtMs?: number };

/** Every day a scenario's calls touch, evaluated at the end of each hour; the first hour each scenario is flagged (and flagged high). */
async function replayAttackDays(ctx: OrgContext, labels: readonly ScenarioLabel[], costs: Map<string, ScenarioCall[]>, view: BenchmarkView): Promise<Map<string, FirstFlag>> {
  const detection = await loadDetectionContext(ctx);
  const visible = labels.filter((label) => (costs.get(label.id)?.length ?? 0) > 0);
  const days = [...new Set(visible.flatMap((label) => daysBetween(tokyoDateText(label.firstCallAtMs), tokyoDateText(label.lastCallAtMs))))].sort();
  const firstFlags = new Map<string, FirstFlag>();
  for (const day of days) {
    const window = await loadDetectionWindow(ctx, detection, [day]);
    const { flaggedDays } = await loadEarlierVerdicts(ctx, day);
    const { startMs } = localDayBounds(day, ctx.org.timeZone);
    const active = visible.filter((label) => tokyoDateText(label.firstCallAtMs) <= day && day <= tokyoDateText(label.lastCallAtMs));
    for (let hour = 1; hour <= 24; hour++) {
      const asOfMs = startMs + hour * HOUR_MS;
      const drafts = evaluateDay(window.inputFor(day, flaggedDays, { asOfMs }));
      for (const label of active) {
        const flag = firstFlags.get(label.id) ?? {};
        const about = drafts.filter((draft) => FLAGGED.has(draft.severity) && findingPointsAt(draft, label, view));
        if (flag.flaggedAtMs === undefined && about.length > 0) flag.flaggedAtMs = asOfMs;
        if (flag.highAtMs === undefined && about.some((draft) => SERIOUS.has(draft.severity))) flag.highAtMs = asOfMs;
        firstFlags.set(label.id, flag);
      }
    }
  }
  return firstFlags;
}

type StoredFinding = FindingLike & { day: string; ruleId: string; severity: Severity };

async function loadFlaggingFindings(ctx: OrgContext): Promise<StoredFinding[]> {
  const findings = await ctx.db.prisma.finding.findMany({
    where: { orgId: ctx.org.id, severity: { in: [...FLAGGED] as Severity[] } },
    select: { day: true, ruleId: true, severity: true, periodStart: true, periodEnd: true, subject: true, numbers: true },
  });
  return findings.map((finding) => ({
    day: finding.day.toISOString().slice(0, 10),
    ruleId: finding.ruleId,
    severity: finding.severity as Severity,
    periodStartMs: finding.periodStart.getTime(),
    periodEndMs: finding.periodEnd.getTime(),
    subject: finding.subject as Record<string, string>,
    numbers: finding.numbers as Record<string, unknown>,
  }));
}
