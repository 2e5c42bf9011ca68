import { getCountryCallingCode, type CountryCode } from "libphonenumber-js/max";
import { EXPLANATIONS_EN } from "@/lib/detection/explanations/en";
import { EXPLANATIONS_JA } from "@/lib/detection/explanations/ja";
import { isolateCdrText } from "@/lib/format/cdr-text";

// One sentence per finding, in Japanese or English, rendered from the numbers stored on it — the
// same renderer for the dashboard, alerts and the evidence pack (client-safe: no server imports).

export type ExplanationLocale = "ja" | "en";

export type ExplainableFinding = { ruleId: string; day: string; numbers: Record<string, unknown>; subject?: Record<string, string> };

/** Formatting a template needs, bound to one language and the organization's zone and currency. */
export type ExplainTools = {
  count(value: unknown): string;
  percent(value: unknown): string;
  money(value: unknown): string;
  date(day: string): string;
  time(iso: unknown): string;
  country(code: unknown): string;
  top(destinations: unknown): string;
  /** Text from the CDR (an account code, an extension), shown and isolated: written by whoever placed the calls. */
  cdrText(value: unknown): string;
  numbers: Record<string, unknown>;
  day: string;
};

export type ExplanationTemplates = Record<string, (tools: ExplainTools) => string>;

export function explainFinding(finding: ExplainableFinding, locale: ExplanationLocale, options: { timeZone: string; currency: string }): string {
  const templates = locale === "ja" ? EXPLANATIONS_JA : EXPLANATIONS_EN;
  const template = templates[finding.ruleId];
  const tools = createTools(finding, locale, options);
  return `${subjectPrefix(finding, locale)}${template ? template(tools) : finding.ruleId}`;
}

/** "Account A0012, extension 201: " — who placed the calls, when one account or phone placed nearly all. */
function subjectPrefix(finding: ExplainableFinding, locale: ExplanationLocale): string {
  const { account, extension } = finding.subject ?? {};
  if (finding.ruleId === "SOURCE_SHARE" || (!account && !extension)) return "";
  // A carrier bill names the calling line (a full number), a PBX the extension.
  const isLine = extension !== undefined && /^\+?\d{7,}$/.test(extension);
  const phone = locale === "ja" ? (isLine ? "回線" : "内線") : isLine ? "line" : "extension";
  const parts = locale === "ja"
    ? [account ? `アカウント ${isolateCdrText(account)}` : "", extension ? `${phone} ${isolateCdrText(extension)}` : ""]
    : [account ? `Account ${isolateCdrText(account)}` : "", extension ? `${account ? phone : phone[0].toUpperCase() + phone.slice(1)} ${isolateCdrText(extension)}` : ""];
  return `${parts.filter(Boolean).join(locale === "ja" ? "・" : ", ")}${locale === "ja" ? "：" : ": "}`;
}

export function explainFindingBoth(finding: ExplainableFinding, options: { timeZone: string; currency: string }): { ja: string; en: string } {
  return { ja: explainFinding(finding, "ja", options), en: explainFinding(finding, "en", options) };
}

function createTools(finding: ExplainableFinding, locale: ExplanationLocale, options: { timeZone: string; currency: string }): ExplainTools {
  const tag = locale === "ja" ? "ja-JP" : "en-GB";
  const numberFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const regions = new Intl.DisplayNames([tag], { type: "region" });
  const country = (code: unknown) => {
    if (typeof code !== "string" || !/^[A-Z]{2}$/.test(code)) return String(code ?? "?");
    let callingCode = "";
    try {
      callingCode = ` (+${getCountryCallingCode(code as CountryCode)})`;
    } catch {
      callingCode = "";
    }
    return `${regions.of(code) ?? code}${callingCode}`;
  };
  return {
    numbers: finding.numbers,
    day: finding.day,
    count: (value) => numberFormat.format(Number(value ?? 0)),
    percent: (value) => `${numberFormat.format(Math.round(Number(value ?? 0) * 1000) / 10)}${locale === "ja" ? "%" : " %"}`,
    money: (value) => new Intl.NumberFormat(tag, { style: "currency", currency: options.currency, currencyDisplay: "narrowSymbol", maximumFractionDigits: 0 }).format(Number(value ?? 0)),
    date: (day) => new Intl.DateTimeFormat(tag, { month: "short", day: "numeric", weekday: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`)),
    time: (iso) => (typeof iso === "string" ? new Intl.DateTimeFormat(tag, { hour: "2-digit", minute: "2-digit", timeZone: options.timeZone }).format(new Date(iso)) : "?"),
    country,
    cdrText: (value) => isolateCdrText(String(value ?? "?")),
    top: (destinations) => {
      const list = Array.isArray(destinations) ? (destinations as { country: string; calls: number }[]) : [];
      const item = (entry: { country: string; calls: number }) =>
        locale === "ja" ? `${country(entry.country)} ${numberFormat.format(entry.calls)}件` : `${country(entry.country)}: ${numberFormat.format(entry.calls)}`;
      return list.slice(0, 3).map(item).join(locale === "ja" ? "、" : "; ");
    },
  };
}
