// Money as CDRs and statements write it: "\1,234" (the yen sign is 0x5C in Shift_JIS),
// "¥1,234", "￥1,234", "1,234円", "-0.0079" (Twilio prices are negative), "$0.12", "€1.50".

export type ParsedAmount = { amount: string; currency: string | null };

const CURRENCY_MARKS: [RegExp, string][] = [
  [/[\\¥￥円]/, "JPY"],
  [/€/, "EUR"],
  [/£/, "GBP"],
];

/** The amount as a decimal string (never a float), and the currency its symbol names, if any. */
export function parseAmount(text: string): ParsedAmount | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const currency = CURRENCY_MARKS.find(([mark]) => mark.test(trimmed))?.[1] ?? null;
  const digits = trimmed.normalize("NFKC").replace(/[\\¥円$€£,\s]/g, "");
  if (!/^[-+]?\d+(\.\d+)?$/.test(digits)) return null;
  const [whole, fraction = ""] = digits.replace(/^\+/, "").split(".");
  const amount = fraction ? `${whole}.${fraction.slice(0, 4)}` : whole;
  return { amount: amount.replace(/^(-?)0+(?=\d)/, "$1"), currency };
}
