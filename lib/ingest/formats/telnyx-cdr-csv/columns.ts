import type { CallDirection } from "@/lib/ingest/normalize/call-record";

// Telnyx CDR report fields, as GET /legacy_reporting/batch_detail_records/voice/fields lists them
// (https://developers.telnyx.com/api-reference/cdr-reports/get-available-cdr-report-fields).
// A report holds the fields its author picked, so only the numbers and a start time are required.

export const TELNYX_COLUMNS = {
  originationNumber: ["origination_number"],
  terminatingNumber: ["terminating_number"],
  startedAtUtc: ["start_timestamp_utc"],
  startedAtLocal: ["start_timestamp"],
  answeredAt: ["answer_timestamp"],
  endedAt: ["end_timestamp"],
  direction: ["direction"],
  connectionId: ["connection_id"],
  hangupCode: ["hangup_code"],
  sipCallId: ["sip_call_id"],
  billableTime: ["billable_time"],
  cost: ["cost"],
  billingGroupId: ["billing_group_id"],
} as const;

export type TelnyxColumn = keyof typeof TELNYX_COLUMNS;

export const TELNYX_NUMBER_NAMES = ["origination_number", "terminating_number"] as const;

/** Direction values are not listed in the sources read; these are the two the field's name implies. */
export const TELNYX_DIRECTIONS: ReadonlyMap<string, CallDirection> = new Map([
  ["inbound", "inbound"],
  ["outbound", "outbound"],
]);
