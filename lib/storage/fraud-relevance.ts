import "server-only";
import { getCountryCallingCode, type CountryCode } from "libphonenumber-js/max";
import type { NormalizedCall } from "@/lib/ingest/normalize/call-record";

// call_records.is_fraud_relevant marks the calls detection reads: outbound international or to
// premium-rate, shared-cost, UAN and international-network numbers, and inbound from a number
// abroad. A partial index over these (a small share of the calls) lets detection skip the rest.
// The flag may be true for a call that does not matter (rows loaded before it existed mark every
// inbound call with an E.164 caller), never false for one that does: readers keep their own test.
// It depends on the organization's country, which is fixed when the organization is created.
// The stored flag also marks every call to a destination abroad or outside any country, whatever its
// direction, so the calls explorer can find calls by a foreign country or "+<code>" prefix through
// the same partial index (markedFraudRelevantSql).

export const FRAUD_RELEVANT_NUMBER_TYPES = ["premium_rate", "shared_cost", "uan", "international_network"] as const;

/** The organization's country calling code with its plus sign ("+81"): inbound callers outside it are abroad. */
export function callingCodeOf(countryCode: string): string {
  return `+${getCountryCallingCode(countryCode as CountryCode)}`;
}

/**
 * SQL deciding whether the call in `alias` matters for fraud detection, for an organization whose
 * country code and calling code are the bind parameters named (e.g. "$3", "$4"). Never null.
 */
export function isFraudRelevantSql(alias: string, countryParam: string, callingCodeParam: string): string {
  const column = (name: string) => `${alias}.${name}`;
  return `coalesce((${column("direction")} = 'outbound' AND (${column("destination_country")} <> ${countryParam}
            OR ${column("destination_number_type")} IN (${FRAUD_RELEVANT_NUMBER_TYPES.map((type) => `'${type}'`).join(", ")})))
         OR (${column("direction")} = 'inbound' AND ${column("source_e164")} IS NOT NULL AND ${column("source_e164")} NOT LIKE ${callingCodeParam} || '%'), false)`;
}

/**
 * What the loader stores in is_fraud_relevant: the calls detection reads (isFraudRelevantSql) and
 * every call whose destination is abroad or in no country (non-geographic E.164), whatever its
 * direction — a superset, so both detection and the calls explorer can read through the index.
 */
export function markedFraudRelevantSql(alias: string, countryParam: string, callingCodeParam: string): string {
  const column = (name: string) => `${alias}.${name}`;
  return `(${isFraudRelevantSql(alias, countryParam, callingCodeParam)}
         OR coalesce(${column("destination_country")} <> ${countryParam} OR (${column("destination_country")} IS NULL AND ${column("destination_e164")} IS NOT NULL), false))`;
}

const FRAUD_RELEVANT_TYPES: ReadonlySet<string> = new Set(FRAUD_RELEVANT_NUMBER_TYPES);

type RelevanceFields = Pick<NormalizedCall, "direction" | "destinationCountry" | "destinationNumberType" | "destinationE164" | "sourceE164">;

/** markedFraudRelevantSql for one call in the loader (which writes the flag itself): the same decision, SQL nulls and all. */
export function isMarkedFraudRelevant(call: RelevanceFields, countryCode: string, callingCode: string): boolean {
  const country = call.destinationCountry;
  const isAbroad = country !== null && country !== countryCode;
  if (isAbroad || (country === null && call.destinationE164 !== null)) return true;
  if (call.direction === "outbound") return FRAUD_RELEVANT_TYPES.has(call.destinationNumberType);
  return call.direction === "inbound" && call.sourceE164 !== null && !call.sourceE164.startsWith(callingCode);
}
