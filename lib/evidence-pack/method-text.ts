import type { EvidencePack } from "@/lib/evidence-pack/evidence-pack";
import type { ReportText } from "@/lib/evidence-pack/report-text";

// The method in words: each rule with its thresholds as this organization runs them, the baseline,
// business hours, lines and allowed countries.

export function methodParagraphs(pack: EvidencePack, text: ReportText): { intro: string; settings: string[]; rules: string[] } {
  const { method } = text.messages;
  const settings = [
    businessHoursText(pack, text),
    pack.method.lines === null ? method.linesUnknown : text.fill(method.lines, { lines: text.number(pack.method.lines) }),
  ];
  if (pack.method.allowedCountries.length > 0) settings.push(text.fill(method.allowed, { countries: pack.method.allowedCountries.map(text.country).join(", ") }));
  const rules = pack.method.rules.map((rule) => {
    const template = method.rules[rule.ruleId as keyof typeof method.rules] ?? rule.ruleId;
    const values = Object.fromEntries(Object.entries(rule.params).map(([name, value]) => [name, paramText(name, value, text)]));
    return `${text.fill(template, values)}${rule.isEnabled ? "" : ` ${method.disabled}`}`;
  });
  return { intro: method.intro, settings, rules };
}

export function businessHoursText(pack: EvidencePack, text: ReportText): string {
  const { startHour, endHour, weekdays } = pack.method.businessHours;
  const names = text.messages.method.weekdays.split(",");
  return text.fill(text.messages.method.businessHours, { start: startHour, end: endHour, days: weekdays.map((day) => names[day]).join(text.locale === "ja" ? "・" : ", ") });
}

/** Shares as percentages, money floors in the organization's currency, the rest as numbers. */
function paramText(name: string, value: number, text: ReportText): string {
  if (/Share$/.test(name) || name === "minShare") return `${text.number(value * 100)}%`;
  if (/^floorPer/.test(name)) return text.money(value);
  if (name === "maxTailProbability") return value.toExponential(0);
  return text.number(value);
}
