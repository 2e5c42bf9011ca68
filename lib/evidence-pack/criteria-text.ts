import { explainFinding } from "@/lib/detection/explain-finding";
import type { EvidencePack } from "@/lib/evidence-pack/evidence-pack";
import { businessHoursText } from "@/lib/evidence-pack/method-text";
import type { ReportText } from "@/lib/evidence-pack/report-text";

// "Why these calls are not normal use": the incident's findings sorted under the criteria carriers
// and the industry use for fraudulent traffic, each with the rule's own sentence (rendered from the
// numbers stored on the finding, as on the dashboard) and what the pack measured on the calls.

export const CRITERIA = ["machine", "sequential", "concurrency", "highRisk", "offHours", "firstEver", "volume"] as const;
export type Criterion = (typeof CRITERIA)[number];

const CRITERION_OF_RULE: Record<string, Criterion> = {
  UNIFORM_SHORT_DURATION: "machine",
  SEQUENTIAL_BNUM: "sequential",
  CONCURRENCY: "concurrency",
  HIGH_RISK_DEST: "highRisk",
  PREMIUM_DOMESTIC: "highRisk",
  WANGIRI_CALLBACK: "highRisk",
  OFF_HOURS: "offHours",
  NEW_COUNTRY: "firstEver",
  VOLUME_SPIKE: "volume",
  ACCOUNT_VOLUME_SPIKE: "volume",
  COST_SPIKE: "volume",
  SOURCE_SHARE: "volume",
};

export type CriterionSection = { criterion: Criterion; title: string; text: string; findings: { day: string; severity: string; sentence: string }[]; measured: string[] };

/** Text for one line: pdfkit draws characters in their stored order, so the isolates around CDR text go. */
export function plainLine(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, "");
}

export function criteriaSections(pack: EvidencePack, text: ReportText): CriterionSection[] {
  const options = { timeZone: pack.org.timeZone, currency: pack.org.currency };
  const { criteria } = text.messages;
  return CRITERIA.map((criterion) => {
    const findings = pack.findings
      .filter((finding) => (CRITERION_OF_RULE[finding.ruleId] ?? "volume") === criterion)
      .map((finding) => ({ day: finding.day, severity: text.messages.severities[finding.severity as "low"] ?? finding.severity, sentence: explainFinding(finding, text.locale, options) }));
    return { criterion, title: criteria[criterion].title, text: criteria[criterion].text, findings, measured: measuredFor(criterion, pack, text) };
  });
}

function measuredFor(criterion: Criterion, pack: EvidencePack, text: ReportText): string[] {
  const { criteria } = text.messages;
  if (criterion === "machine" && pack.totals.medianGapSeconds !== null) return [text.fill(criteria.measuredGaps, { seconds: text.number(pack.totals.medianGapSeconds) })];
  if (criterion === "offHours") return [text.fill(criteria.measuredNight, { night: text.number(pack.totals.nightCalls), offHours: text.number(pack.totals.offHoursCalls) }), businessHoursText(pack, text)];
  return [];
}
