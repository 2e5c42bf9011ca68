import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import type { NumberType } from "@/lib/ingest/normalize/call-record";

// E.164, country and number type for a dialled or calling number. A million rows must never mean
// a million parses (about 8 µs each): results are cached per number, and — because a number's
// country and type follow from its leading digits and its length — per "shape" too (the digits
// without the last four, plus the length), so a flood to fresh numbers in one range parses once.

export type ClassifiedNumber = { e164: string | null; country: string | null; numberType: NumberType };

export type NumberContext = { defaultCountry: string; dialOutPrefix: string | null };

/** Numbers this short are PBX extensions, feature codes or service numbers, not phone numbers. */
const MAX_EXTENSION_DIGITS = 6;
/** Shorter numbers are classified one by one: their last digits may still decide the type. */
const MIN_SHAPE_DIGITS = 9;
const CACHE_LIMIT = 50_000;
/** Digits of numbers whose shape key is a number: 14 leading digits × 64 stays an exact integer. */
const MAX_NUMERIC_SHAPE_DIGITS = 18;

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

const EXTENSION: ClassifiedNumber = { e164: null, country: null, numberType: "extension" };
const MASKED: ClassifiedNumber = { e164: null, country: null, numberType: "masked" };
const UNKNOWN: ClassifiedNumber = { e164: null, country: null, numberType: "unknown" };

/** How every number of one shape maps to E.164: a fixed prefix, then the digits from `keepFrom` (no prefix: not a phone number). */
type Shape = { prefix: string | null; keepFrom: number; country: string | null; numberType: NumberType };

const UNKNOWN_SHAPE: Shape = { prefix: null, keepFrom: 0, country: null, numberType: "unknown" };

type Caches = {
  byNumber: Map<string, ClassifiedNumber>;
  byShape: Map<number | string, Shape>;
  /** Plain digits long enough for a shape whose parse could not stand for its shape: few, usually none. */
  byLongNumber: Map<string, ClassifiedNumber>;
};
const cachesByContext = new Map<string, Caches>();
/** The context object of one upload, to its caches without building a key per call. */
const cachesOfContextObject = new WeakMap<NumberContext, Caches>();
/** The context asked about last: rows of one file ask about the same one, two numbers a row. */
let lastContext: NumberContext | null = null;
let lastCaches: Caches | null = null;

export function classifyNumber(raw: string, context: NumberContext): ClassifiedNumber {
  const caches = context === lastContext && lastCaches ? lastCaches : cachesFor(context);
  // Long plain digits (most dialled numbers, and mostly new ones) go straight to their shape.
  if (raw.length >= MIN_SHAPE_DIGITS && isDigitsOnly(raw)) {
    return (caches.byLongNumber.size > 0 ? caches.byLongNumber.get(raw) : undefined) ?? classifyDigits(raw, raw, context, caches);
  }
  return caches.byNumber.get(raw) ?? classifyUncached(raw, context, caches);
}

/** Remembers a result by its exact text (numbers that do not go through a shape). */
function remember(caches: Caches, raw: string, result: ClassifiedNumber): ClassifiedNumber {
  const byText = raw.length >= MIN_SHAPE_DIGITS && isDigitsOnly(raw) ? caches.byLongNumber : caches.byNumber;
  if (byText.size >= CACHE_LIMIT) byText.clear();
  byText.set(raw, result);
  return result;
}

function cachesFor(context: NumberContext): Caches {
  lastContext = context;
  const known = cachesOfContextObject.get(context);
  if (known) return (lastCaches = known);
  const key = `${context.defaultCountry}|${context.dialOutPrefix ?? ""}`;
  let caches = cachesByContext.get(key);
  if (!caches) {
    caches = { byNumber: new Map(), byShape: new Map(), byLongNumber: new Map() };
    cachesByContext.set(key, caches);
  }
  cachesOfContextObject.set(context, caches);
  return (lastCaches = caches);
}

function classifyUncached(raw: string, context: NumberContext, caches: Caches): ClassifiedNumber {
  let digits: string;
  // Most numbers are plain digits (no spaces, dashes or masks): they skip the regular expressions.
  if (isDigitsOnly(raw)) digits = raw;
  else {
    const trimmed = raw.trim();
    if (/[*xX]{2,}/.test(trimmed)) return remember(caches, raw, MASKED);
    digits = trimmed.replace(/[^\d+]/g, "");
  }
  return classifyDigits(raw, digits, context, caches);
}

/** `digits` is `raw` without separators: a plus sign and digits. */
function classifyDigits(raw: string, digits: string, context: NumberContext, caches: Caches): ClassifiedNumber {
  if (digits.length === 0) return remember(caches, raw, UNKNOWN);
  const isInternational = digits.startsWith("+");
  if (!isInternational && digits.length <= MAX_EXTENSION_DIGITS) return remember(caches, raw, EXTENSION);
  if (context.dialOutPrefix && !isInternational && digits.startsWith(context.dialOutPrefix)) {
    digits = digits.slice(context.dialOutPrefix.length);
  }
  // Numbers of a known shape are computed, not cached one by one: floods dial fresh numbers.
  const shapeKey = digits.length >= MIN_SHAPE_DIGITS ? (numericShapeKey(digits) ?? `${digits.slice(0, -4)}#${digits.length}`) : null;
  const known = shapeKey === null ? undefined : caches.byShape.get(shapeKey);
  if (known) return known.prefix === null ? UNKNOWN : { e164: known.prefix + digits.slice(known.keepFrom), country: known.country, numberType: known.numberType };
  const { classified, shape } = parseNumber(digits, context.defaultCountry);
  if (shapeKey === null || !shape) return remember(caches, raw, classified);
  if (caches.byShape.size >= CACHE_LIMIT) caches.byShape.clear();
  caches.byShape.set(shapeKey, shape);
  return classified;
}

/**
 * A shape's key (the digits without the last four, their count and whether a plus leads) as a
 * number, while the digits allow (up to 18 digits; a small integer up to 11, the commonest): the
 * shape table is looked up twice a row, and a key built as text costs a hash and a comparison each.
 */
function numericShapeKey(digits: string): number | null {
  const plus = digits.charCodeAt(0) === 43 ? 1 : 0;
  const count = digits.length - plus;
  if (count > MAX_NUMERIC_SHAPE_DIGITS) return null;
  let leading = 0;
  for (let index = plus; index < digits.length - 4; index++) {
    const digit = digits.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return null;
    leading = leading * 10 + digit;
  }
  // Leading digits of the same count with the same value are the same digits: the count keeps "03…" and "3…" apart.
  return leading * 64 + count * 2 + plus;
}

function isDigitsOnly(text: string): boolean {
  if (text.length === 0) return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Parses one number with libphonenumber; the shape is null when it cannot stand for its neighbours. */
function parseNumber(digits: string, defaultCountry: string): { classified: ClassifiedNumber; shape: Shape | null } {
  const parsed = parsePhoneNumberFromString(digits, defaultCountry as CountryCode);
  if (!parsed || !parsed.isPossible()) return { classified: UNKNOWN, shape: UNKNOWN_SHAPE };
  // +881/+882/+883 are international networks (satellite, shared codes): no country, high cost.
  const isNetwork = ["881", "882", "883"].includes(parsed.countryCallingCode);
  const type = parsed.isValid() ? parsed.getType() : undefined;
  const classified: ClassifiedNumber = {
    e164: parsed.number,
    country: isNetwork ? null : (parsed.country ?? null),
    numberType: isNetwork ? "international_network" : ((type && TYPE_BY_LIBPHONENUMBER[type]) ?? "unknown"),
  };
  // The national number is normally a suffix of what was dialled; where a plan rewrites digits
  // the number stands only for itself.
  const national = parsed.nationalNumber;
  if (!digits.endsWith(national) || national.length <= 4) return { classified, shape: null };
  const shape = { prefix: `+${parsed.countryCallingCode}`, keepFrom: digits.length - national.length, country: classified.country, numberType: classified.numberType };
  return { classified, shape };
}
