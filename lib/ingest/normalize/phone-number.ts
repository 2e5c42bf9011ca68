import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import type { NumberType } from "@/lib/ingest/normalize/call-record";

// E.164, country and number type for a dialled or calling number. The same numbers repeat all
// month, so results are cached: a million rows never means a million parses.

export type ClassifiedNumber = { e164: string | null; country: string | null; numberType: NumberType };

export type NumberContext = { defaultCountry: string; dialOutPrefix: string | null };

/** Numbers this short are PBX extensions, feature codes or service numbers, not phone numbers. */
const MAX_EXTENSION_DIGITS = 6;
const CACHE_LIMIT = 200_000;

const TYPE_BY_LIBPHONENUMBER: Record<string, NumberType> = {
  FIXED_LINE: "fixed_line",
  MOBILE: "mobile",
  FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
  TOLL_FREE: "toll_free",
  PREMIUM_RATE: "premium_rate",
  SHARED_COST: "shared_cost",
  VOIP: "voip",
  PERSONAL_NUMBER: "personal_number",
  PAGER: "pager",
  UAN: "uan",
  VOICEMAIL: "voicemail",
};

const cache = new Map<string, ClassifiedNumber>();

export function classifyNumber(raw: string, context: NumberContext): ClassifiedNumber {
  const key = `${context.defaultCountry}|${context.dialOutPrefix ?? ""}|${raw}`;
  let result = cache.get(key);
  if (!result) {
    result = classifyUncached(raw, context);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, result);
  }
  return result;
}

function classifyUncached(raw: string, context: NumberContext): ClassifiedNumber {
  const trimmed = raw.trim();
  if (/[*xX]{2,}/.test(trimmed)) return { e164: null, country: null, numberType: "masked" };
  let digits = trimmed.replace(/[^\d+]/g, "");
  if (digits.length === 0) return { e164: null, country: null, numberType: "unknown" };
  if (!digits.startsWith("+") && digits.length <= MAX_EXTENSION_DIGITS) {
    return { e164: null, country: null, numberType: "extension" };
  }
  if (context.dialOutPrefix && !digits.startsWith("+") && digits.startsWith(context.dialOutPrefix)) {
    digits = digits.slice(context.dialOutPrefix.length);
  }
  const parsed = parsePhoneNumberFromString(digits, context.defaultCountry as CountryCode);
  if (!parsed || !parsed.isPossible()) return { e164: null, country: null, numberType: "unknown" };
  // +881/+882/+883 are international networks (satellite, shared codes): no country, high cost.
  if (["881", "882", "883"].includes(parsed.countryCallingCode)) {
    return { e164: parsed.number, country: null, numberType: "international_network" };
  }
  const type = parsed.isValid() ? parsed.getType() : undefined;
  return {
    e164: parsed.number,
    country: parsed.country ?? null,
    numberType: (type && TYPE_BY_LIBPHONENUMBER[type]) ?? "unknown",
  };
}
