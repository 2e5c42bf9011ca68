import type { EvidencePack } from "@/lib/evidence-pack/evidence-pack";
import type { ReportText } from "@/lib/evidence-pack/report-text";
import { showCdrText } from "@/lib/format/cdr-text";

// The cover's facts and the plain-language summary, as text both renderers lay out.

export type Fact = [label: string, value: string];

const NOVELTY_RULES = new Set(["NEW_COUNTRY"]);
const HIGH_RISK_RULES = new Set(["HIGH_RISK_DEST", "PREMIUM_DOMESTIC"]);

export function minutesOf(pack: EvidencePack): number {
  return Math.round(pack.totals.billableSeconds / 6) / 10;
}

export function destinationsText(pack: EvidencePack, text: ReportText): string {
  return pack.incident.destinations.map(([code, calls]) => `${text.country(code)} ${text.number(calls)}`).join(text.locale === "ja" ? "、" : ", ") || "—";
}

/** "Sierra Leone, Guinea": the countries alone, for sentences that give the total separately. */
export function destinationNames(pack: EvidencePack, text: ReportText): string {
  return pack.incident.destinations.map(([code]) => text.country(code)).join(text.locale === "ja" ? "、" : ", ") || "—";
}

export function coverFacts(pack: EvidencePack, text: ReportText, letter: { accountNumber: string; carrier: string }): Fact[] {
  const { cover } = text.messages;
  const lines = pack.sources.map((source) => showCdrText(source.account ? `${source.source} (${source.account})` : source.source)).join(", ");
  return [
    [cover.organization, pack.org.name],
    [cover.lines, lines || cover.notGiven],
    [cover.accountNumber, letter.accountNumber || cover.notGiven],
    [cover.carrier, letter.carrier || cover.notGiven],
    [cover.period, `${text.when(pack.incident.firstCallAt)} – ${text.when(pack.incident.lastCallAt)}`],
    [cover.status, text.messages.statuses[pack.incident.status as "open"] ?? pack.incident.status],
    [cover.reportId, pack.reportId],
    [cover.incidentId, pack.incident.id],
    [cover.generatedAt, `${text.when(pack.generatedAt)} (${pack.org.timeZone}, UTC${text.offset(pack.generatedAt)})`],
    [cover.preparedBy, pack.preparedBy ?? cover.preparedBySystem],
  ];
}

export function summaryLead(pack: EvidencePack, text: ReportText): string {
  const { summary } = text.messages;
  const rules = new Set(pack.findings.map((finding) => finding.ruleId));
  const reasons = [
    rules.has("UNIFORM_SHORT_DURATION") ? summary.reasonMachine : "",
    pack.totals.nightCalls > 0 ? text.fill(summary.reasonNight, { night: text.number(pack.totals.nightCalls) }) : "",
    pack.totals.offHoursCalls > 0 ? text.fill(summary.reasonOffHours, { offHours: text.number(pack.totals.offHoursCalls) }) : "",
    [...rules].some((rule) => NOVELTY_RULES.has(rule)) ? summary.reasonNew : "",
    [...rules].some((rule) => HIGH_RISK_RULES.has(rule)) ? summary.reasonHighRisk : "",
  ].filter(Boolean);
  return text.fill(summary.lead, {
    first: text.when(pack.incident.firstCallAt),
    last: text.when(pack.incident.lastCallAt),
    calls: text.number(pack.incident.calls),
    destinations: destinationNames(pack, text),
    minutes: text.number(minutesOf(pack)),
    cost: text.money(pack.incident.estimatedCost),
    reasons: reasons.join(text.locale === "ja" ? "、" : "; "),
  });
}

/** The headline numbers, formatted as the incident page formats them. */
export function summaryFacts(pack: EvidencePack, text: ReportText): Fact[] {
  const { summary } = text.messages;
  const facts: Fact[] = [
    [summary.firstCall, text.when(pack.incident.firstCallAt)],
    [summary.lastCall, text.when(pack.incident.lastCallAt)],
    [summary.calls, text.number(pack.incident.calls)],
    [summary.answered, text.number(pack.totals.answered)],
    [summary.minutes, text.number(minutesOf(pack))],
    [summary.distinctNumbers, text.number(pack.totals.distinctNumbers)],
    [summary.destinations, destinationsText(pack, text)],
    [summary.estimatedCharges, text.money(pack.incident.estimatedCost)],
  ];
  if (pack.totals.carrierBilled !== null) facts.push([summary.billedCharges, text.money(pack.totals.carrierBilled)]);
  return facts;
}

export function blockWindowLines(pack: EvidencePack, text: ReportText): string[] {
  const { summary } = text.messages;
  const block = pack.incident.blockWindow;
  if (!block) return [summary.blockNone];
  return [
    text.fill(summary.blockRequested, { at: text.when(new Date(block.requestedAt)) }),
    block.completedAt ? text.fill(summary.blockCompleted, { at: text.when(new Date(block.completedAt)) }) : summary.blockPending,
    text.fill(summary.blockWindow, { calls: text.number(block.calls), cost: text.money(block.estimatedCost), until: block.completedAt ? summary.blockUntilCompleted : summary.blockUntilNow }),
  ];
}
