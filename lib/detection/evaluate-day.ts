import { paramsFor } from "@/lib/detection/call-sets";
import type { DayInput, FindingDraft, ReasonCode } from "@/lib/detection/detection-rule";
import { DETECTION_RULES } from "@/lib/detection/rules/registry";

// Runs every enabled rule on one day. A day where a destination is new or high-risk AND volume,
// cost, concurrency or machine-like durations are abnormal is the hijacked-PBX signature: the
// strongest of those findings becomes critical (research notes §3.2, after OpenSIPS / ConnexCS).

const NOVEL_DESTINATION: ReadonlySet<ReasonCode> = new Set(["NEW_COUNTRY", "HIGH_RISK_DEST"]);
const ABNORMAL_TRAFFIC: ReadonlySet<ReasonCode> = new Set(["VOLUME_SPIKE", "COST_SPIKE", "CONCURRENCY", "UNIFORM_SHORT_DURATION"]);

export function evaluateDay(input: DayInput): FindingDraft[] {
  const findings = DETECTION_RULES.flatMap((rule) => {
    const setting = input.settings.rules[rule.id];
    if (setting && !setting.enabled) return [];
    return rule.evaluate(input, paramsFor(rule.defaults, setting?.params));
  });
  const hasNovelDestination = findings.some((finding) => NOVEL_DESTINATION.has(finding.ruleId) && finding.severity !== "low");
  const abnormal = findings.filter((finding) => ABNORMAL_TRAFFIC.has(finding.ruleId)).sort((a, b) => b.score - a.score)[0];
  if (hasNovelDestination && abnormal && abnormal.severity !== "low") {
    abnormal.severity = "critical";
    abnormal.numbers = { ...abnormal.numbers, escalatedBy: findings.filter((finding) => NOVEL_DESTINATION.has(finding.ruleId)).map((finding) => finding.ruleId) };
  }
  return findings;
}
