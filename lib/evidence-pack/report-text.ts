import type { EvidenceLocale } from "@/lib/evidence-pack/evidence-pack";
import { REPORT_EN, type ReportMessages } from "@/lib/evidence-pack/messages/en";
import { REPORT_JA } from "@/lib/evidence-pack/messages/ja";

// The evidence pack's words and formats in one language, bound to the organization's zone and
// currency. Dates, numbers and money are formatted exactly as the incident page formats them
// (Intl with the bare locale, medium date and short time, no fraction of the currency), so the
// pack's headline numbers read the same as the dashboard's. Client-safe.

export type ReportText = {
  locale: EvidenceLocale;
  messages: ReportMessages;
  timeZone: string;
  fill(template: string, values: Record<string, string | number>): string;
  when(instant: Date): string;
  /** "2026-03-14 09:10:05": sortable, for the call list. */
  stamp(instant: Date): string;
  date(instant: Date): string;
  number(value: number): string;
  money(value: number): string;
  country(code: string): string;
  /** "+09:00" for the zone at that instant. */
  offset(instant: Date): string;
};

export function reportText(locale: EvidenceLocale, timeZone: string, currency: string): ReportText {
  const messages = locale === "ja" ? REPORT_JA : REPORT_EN;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone });
  const stamp = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  const offset = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 });
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  return {
    locale,
    messages,
    timeZone,
    fill: (template, values) => template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)),
    when: (instant) => when.format(instant),
    stamp: (instant) => {
      const parts = Object.fromEntries(stamp.formatToParts(instant).map((part) => [part.type, part.value]));
      return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
    },
    date: (instant) => date.format(instant),
    number: (value) => number.format(value),
    money: (value) => money.format(value),
    country: (code) => {
      if (code === "other") return messages.pattern.other;
      return /^[A-Z]{2}$/.test(code) && code !== "ZZ" ? regions.of(code) ?? code : messages.pattern.unknownCountry;
    },
    offset: (instant) => {
      const name = offset.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
      return name === "GMT" ? "+00:00" : name.slice(3);
    },
  };
}
