import type { CallDisposition } from "@/lib/ingest/normalize/call-record";

// 3CX CDR service file output in the field order 3CX lists and integrators configure
// (../shared/formats §4, dorel14/3CX-Cdr-Server@8253512d ClasseurPrepaCDR.csv): 27 fields, no header.
export const THREECX_COLUMN = {
  historyid: 0,
  callid: 1,
  duration: 2,
  timeStart: 3,
  timeAnswered: 4,
  timeEnd: 5,
  reasonTerminated: 6,
  fromNo: 7,
  toNo: 8,
  fromDn: 9,
  toDn: 10,
  dialNo: 11,
  reasonChanged: 12,
  finalNumber: 13,
  finalDn: 14,
  billCode: 15,
  billRate: 16,
  billCost: 17,
  billName: 18,
  chain: 19,
  fromType: 20,
  toType: 21,
  finalType: 22,
  fromDispname: 23,
  toDispname: 24,
  finalDispname: 25,
  missedQueueCalls: 26,
} as const;

export const THREECX_COLUMN_COUNT = 27;

/** from-type / to-type / final-type values seen in the real file. */
export type PartyType = "internal" | "external";

export const PARTY_TYPES: ReadonlyMap<string, PartyType> = new Map([
  ["Internal", "internal"],
  ["External", "external"],
]);

/** reason-terminated of a call that was never answered (answered calls are "answered" whatever the reason). */
export const UNANSWERED_DISPOSITIONS: ReadonlyMap<string, CallDisposition> = new Map([
  ["Failed", "failed"],
  ["Failed_Cancelled", "no_answer"],
  ["TerminatedBySrc", "no_answer"],
  ["TerminatedByDst", "no_answer"],
]);
