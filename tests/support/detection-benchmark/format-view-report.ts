import { explainFinding } from "@/lib/detection/explain-finding";
import type { ViewBenchmark } from "./run-view-benchmark";

// The benchmark's printed report for one profile × view: a line per scenario, then the day-level figures.

const yen = (value: number) => `¥${Math.round(value).toLocaleString("en")}`;
const hours = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)} h`);

export function formatViewReport(result: ViewBenchmark): string {
  const header = `\n== ${result.profileId} / ${result.view === "pbx" ? "PBX CDRs" : "carrier bill"}: ${result.days} days, ${result.importedCalls.toLocaleString("en")} calls imported in ${result.importSeconds.toFixed(1)} s (detection included), replay ${result.replaySeconds.toFixed(1)} s`;
  const columns = ["scenario", "attack", "in view", "detected", "worst", "to flag", "to high", "lost before flag", "total"];
  const rows = result.scenarios.map((outcome) => [
    outcome.label.id,
    outcome.label.isAttack ? "yes" : "no (legit)",
    outcome.isVisible ? "yes" : "no",
    outcome.isVisible ? (outcome.isDetected ? "yes" : "NO") : "—",
    outcome.worstSeverity ?? "—",
    hours(outcome.hoursToFlag),
    hours(outcome.hoursToHigh),
    outcome.isVisible ? yen(outcome.costBeforeFlag) : "—",
    outcome.isVisible ? yen(outcome.costTotal) : "—",
  ]);
  const campaignWorst = result.scenarios.find((outcome) => !outcome.label.isAttack)?.worstSeverity ?? null;
  const attacks = result.scenarios.filter((outcome) => outcome.label.isAttack && outcome.isVisible);
  const recall = attacks.length === 0 ? null : attacks.filter((outcome) => outcome.isDetected).length / attacks.length;
  const summary = [
    `recall (attacks in view)          ${recall === null ? "—" : `${attacks.filter((outcome) => outcome.isDetected).length}/${attacks.length} = ${(recall * 100).toFixed(0)} %`}`,
    `flagged days                      ${result.flaggedDays.length} (attack days ${result.attackDays.length}, campaign days ${result.campaignDays.length}, clean days ${result.cleanDays})`,
    `legitimate campaign               flagged on ${result.campaignFlaggedDays.length} of its ${result.campaignDays.length} days, worst ${campaignWorst ?? "—"}   floor: never high  ${campaignWorst === "high" || campaignWorst === "critical" ? "MISSED" : "OK"}`,
    `precision per day                 ${result.dayPrecision === null ? "—" : `${(result.dayPrecision * 100).toFixed(0)} %`}`,
    `false flagged days                ${result.falseFlaggedDays.length} = ${result.falseFlaggedDaysPerYear.toFixed(1)} per profile-year   floor ≤ 2  ${result.falseFlaggedDaysPerYear <= 2 ? "OK" : "MISSED"}`,
    ...result.falseFlagsByRule.map(({ ruleId, days, example }) =>
      `  ${ruleId} on ${days.length} clean day(s) (${days.slice(0, 8).map((day) => day.slice(5)).join(" ")}${days.length > 8 ? " …" : ""}), e.g. "${explainFinding({ ruleId, ...example }, "en", { timeZone: "Asia/Tokyo", currency: "JPY" })}"`),
  ];
  return [header, table([columns, ...rows]), ...summary].join("\n");
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join("  ")).join("\n");
}
