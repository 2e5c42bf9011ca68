import type { CallDirection, CallDisposition } from "@/lib/ingest/normalize/call-record";

// Twilio Call resource property names (https://www.twilio.com/docs/voice/api/call-resource,
// older https://www.twilio.com/docs/api/rest/call), as the header of a CSV written from it.

export const TWILIO_COLUMNS = {
  sid: ["sid"],
  parentSid: ["parent_call_sid"],
  accountSid: ["account_sid"],
  createdAt: ["date_created"],
  startedAt: ["start_time"],
  endedAt: ["end_time"],
  from: ["from"],
  to: ["to"],
  status: ["status"],
  direction: ["direction"],
  durationSeconds: ["duration"],
  price: ["price"],
  priceUnit: ["price_unit"],
  callerName: ["caller_name"],
} as const;

export type TwilioColumn = keyof typeof TWILIO_COLUMNS;

export const TWILIO_SNIFF_NAMES = ["sid", "from", "to", "status", "direction", "start_time", "duration"] as const;
export const TWILIO_MANDATORY_NAMES = ["sid", "from", "to", "status"] as const;

/** Call SIDs only: a Messages export shares sid/from/to/status but its SIDs start SM or MM. */
export const CALL_SID = /^CA[0-9a-f]{32}$/i;

/** CallEnumStatus (twilio-oai): queued and ringing are not outcomes yet. A Map, so "constructor" finds nothing. */
export const TWILIO_DISPOSITIONS: ReadonlyMap<string, CallDisposition> = new Map([
  ["completed", "answered"],
  ["in-progress", "answered"],
  ["busy", "busy"],
  ["failed", "failed"],
  ["no-answer", "no_answer"],
  ["canceled", "no_answer"],
  ["queued", "unknown"],
  ["ringing", "unknown"],
]);

/** CallEnumDirection; trunking-* are Elastic SIP Trunking legs (terminating = to the PSTN). */
export const TWILIO_DIRECTIONS: ReadonlyMap<string, CallDirection> = new Map([
  ["inbound", "inbound"],
  ["outbound-api", "outbound"],
  ["outbound-dial", "outbound"],
  ["trunking-terminating", "outbound"],
  ["trunking-originating", "inbound"],
]);
