import { DOMESTIC_RATES, type Rate } from "./rate-table";

// Japanese numbers as dialled from a PBX (no outside-line prefix), with the area name a statement
// prints. Area weights roughly follow where business calls from Tokyo go.

export type DomesticKind = "fixed" | "mobile" | "tollFree" | "naviDial" | "premium";

export type DomesticArea = { pattern: string; nameJa: string; weight: number };

export const FIXED_AREAS: readonly DomesticArea[] = [
  { pattern: "03N#######", nameJa: "東京", weight: 45 },
  { pattern: "06N#######", nameJa: "大阪", weight: 15 },
  { pattern: "045N######", nameJa: "横浜", weight: 10 },
  { pattern: "052N######", nameJa: "名古屋", weight: 8 },
  { pattern: "092N######", nameJa: "福岡", weight: 6 },
  { pattern: "075N######", nameJa: "京都", weight: 5 },
  { pattern: "022N######", nameJa: "仙台", weight: 4 },
  { pattern: "0112######", nameJa: "札幌", weight: 4 },
  { pattern: "082N######", nameJa: "広島", weight: 3 },
];

export const DOMESTIC_PATTERNS: Record<Exclude<DomesticKind, "fixed">, { patterns: readonly string[]; nameJa: string }> = {
  mobile: { patterns: ["090M#######", "080M#######", "070M#######"], nameJa: "携帯" },
  tollFree: { patterns: ["0120######"], nameJa: "フリーダイヤル" },
  naviDial: { patterns: ["0570######"], nameJa: "ナビダイヤル" },
  premium: { patterns: ["0990######"], nameJa: "情報料番号(0990)" },
};

export const DOMESTIC_RATE_OF: Record<DomesticKind, Rate> = DOMESTIC_RATES;

/** The statement's destination column for a domestic number. */
export function domesticNameJa(number: string): string {
  if (/^0[789]0/.test(number)) return DOMESTIC_PATTERNS.mobile.nameJa;
  if (number.startsWith("0120")) return DOMESTIC_PATTERNS.tollFree.nameJa;
  if (number.startsWith("0570")) return DOMESTIC_PATTERNS.naviDial.nameJa;
  if (number.startsWith("0990")) return DOMESTIC_PATTERNS.premium.nameJa;
  const area = FIXED_AREAS.find((candidate) => number.startsWith(candidate.pattern.replace(/[#NM].*$/, "")));
  return area?.nameJa ?? "国内";
}

/** Which tariff class a domestic number falls in. */
export function domesticKindOf(number: string): DomesticKind {
  if (/^0[789]0/.test(number)) return "mobile";
  if (number.startsWith("0120")) return "tollFree";
  if (number.startsWith("0570")) return "naviDial";
  if (number.startsWith("0990")) return "premium";
  return "fixed";
}
