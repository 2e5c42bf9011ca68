import type { NormalizedCall } from "@/lib/ingest/normalize/call-record";
import type { ClassifiedNumber } from "@/lib/ingest/normalize/phone-number";

export type CallPartyFields = Pick<
  NormalizedCall,
  "sourceRaw" | "sourceE164" | "destinationRaw" | "destinationE164" | "destinationCountry" | "destinationNumberType"
>;

/** The calling and called numbers as a call record stores them: as written, and as classified. */
export function callPartyFields(sourceRaw: string, source: ClassifiedNumber, destinationRaw: string, destination: ClassifiedNumber): CallPartyFields {
  return {
    sourceRaw,
    sourceE164: source.e164,
    destinationRaw,
    destinationE164: destination.e164,
    destinationCountry: destination.country,
    destinationNumberType: destination.numberType,
  };
}
