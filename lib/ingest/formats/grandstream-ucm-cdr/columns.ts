import type { CallDisposition } from "@/lib/ingest/normalize/call-record";

// Grandstream UCM CDR exports (../shared/formats §7a, §7b).

/** CDR API `format=csv` header, exactly as the UCM6100/UCM6510 CDR API guide prints it. */
export const API_HEADER: readonly string[] = [
  "AcctId", "accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp", "lastdata", "start",
  "answer", "end", "duration", "billsec", "disposition", "amaflags", "uniqueid", "userfield", "channel_ext", "dstchannel_ext", "service",
];

/** Names no other CDR header carries: without them an Asterisk-like header is not the UCM API's. */
export const API_MANDATORY_NAMES: readonly string[] = ["AcctId", "channel_ext", "dstchannel_ext"];

/**
 * API rows are not CSV: clid and lastdata are written unescaped. The 5 fields before clid and the
 * 12 after lastdata (start … service) hold no commas, so rows are read from both ends.
 */
export const API_LEADING_FIELDS = { accountcode: 1, src: 2, dst: 3, dcontext: 4 } as const;
export const API_TRAILING_FIELDS = { start: 12, answer: 11, end: 10, duration: 9, billsec: 8, disposition: 7, uniqueid: 5 } as const;
export const API_LEADING_COUNT = 5;
export const API_TRAILING_COUNT = 12;

/** Web UI "Download" labels, current firmware first, then older firmware and the GXW450x manual's. */
export const WEB_HEADER_NAMES = {
  accountCode: ["Account Code"],
  source: ["Caller Number", "Call From", "Caller"],
  destination: ["Callee Number", "Call To", "Callee"],
  dialplanContext: ["Context"],
  callerId: ["CallerID", "Caller ID", "Caller Name"],
  sourceChannel: ["Source Channel", "Src Channel"],
  destinationChannel: ["Dest Channel", "Destination Channel"],
  start: ["Start Time"],
  answer: ["Answer Time"],
  end: ["End Time"],
  callTime: ["Call Time (s)", "Call Time(s)", "Call Time"],
  talkTime: ["Talk Time (s)", "Talk Time(s)", "Talk Time"],
  disposition: ["Disposition"],
  uniqueId: ["Uniqueid", "Unique ID"],
} as const;

export type WebField = keyof typeof WEB_HEADER_NAMES;

export const WEB_CORE_FIELDS: readonly WebField[] = ["source", "destination", "dialplanContext", "start", "callTime", "talkTime", "disposition"];

/** Asterisk's disposition strings; CONGESTION is listed in the GXW manual. */
export const GRANDSTREAM_DISPOSITIONS: ReadonlyMap<string, CallDisposition> = new Map([
  ["ANSWERED", "answered"],
  ["NO ANSWER", "no_answer"],
  ["BUSY", "busy"],
  ["FAILED", "failed"],
  ["CONGESTION", "failed"],
]);
