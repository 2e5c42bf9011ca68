import type { CallDirection, CallDisposition } from "@/lib/ingest/normalize/call-record";

// Yeastar P-Series CDR download (../shared/formats §7c). Field names come from the CDR overview
// page; the CSV's exact header text and order are not published, so columns are found by name and
// each field accepts the variants Yeastar uses elsewhere (CDR list, API, "Last Status").
export const YEASTAR_HEADER_NAMES = {
  id: ["ID", "Call ID", "CDR ID", "UID"],
  time: ["Time", "Start Time", "Date", "Date and Time"],
  callFrom: ["Call From", "Caller"],
  callTo: ["Call To", "Callee"],
  callDuration: ["Call Duration", "Call Duration(s)", "Call Duration (s)", "Duration", "Duration(s)"],
  ringDuration: ["Ring Duration", "Ring Duration(s)", "Ring Duration (s)"],
  talkDuration: ["Talk Duration", "Talk Duration(s)", "Talk Duration (s)", "Talk Time", "Billing Duration"],
  status: ["Status", "Last Status", "Call Status", "Disposition"],
  sourceTrunk: ["Source Trunk", "Src Trunk"],
  destinationTrunk: ["Destination Trunk", "Dst Trunk"],
  communicationType: ["Communication Type", "Call Type"],
} as const;

export type YeastarField = keyof typeof YEASTAR_HEADER_NAMES;

/** Without these a file is not a Yeastar CDR; Communication Type keeps Grandstream's "Call From"/"Call To" out. */
export const YEASTAR_CORE_FIELDS: readonly YeastarField[] = ["time", "callFrom", "callTo", "talkDuration", "status", "communicationType"];

/** "Last Status" values; ANSWERD is the API's own spelling. */
export const YEASTAR_DISPOSITIONS: ReadonlyMap<string, CallDisposition> = new Map([
  ["ANSWERED", "answered"],
  ["ANSWERD", "answered"],
  ["NO ANSWER", "no_answer"],
  ["BUSY", "busy"],
  ["FAILED", "failed"],
  // The PBX answered the line for the voicemail box, so the trunk leg was connected (and billable).
  ["VOICEMAIL", "answered"],
  // The caller hung up while waiting (queue, IVR) before anyone answered.
  ["ABANDONED", "no_answer"],
]);

export const YEASTAR_DIRECTIONS: ReadonlyMap<string, CallDirection> = new Map([
  ["internal", "internal"],
  ["outbound", "outbound"],
  ["inbound", "inbound"],
]);
