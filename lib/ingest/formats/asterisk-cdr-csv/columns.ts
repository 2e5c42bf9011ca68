import type { CallDisposition } from "@/lib/ingest/normalize/call-record";

// Field order of cdr_csv.c build_csv_record (asterisk@f0c1c1a7, see ../shared/formats §1).
export const ASTERISK_COLUMN = {
  accountcode: 0,
  src: 1,
  dst: 2,
  dcontext: 3,
  clid: 4,
  channel: 5,
  dstchannel: 6,
  lastapp: 7,
  lastdata: 8,
  start: 9,
  answer: 10,
  end: 11,
  duration: 12,
  billsec: 13,
  disposition: 14,
  amaflags: 15,
  /** With loguniqueid=yes; with only loguserfield=yes this index holds the userfield. */
  uniqueid: 16,
} as const;

/** 16 standard fields, +1 uniqueid, +1 userfield, +3 with newcdrcolumns (peeraccount, linkedid, sequence). */
export const ASTERISK_COLUMN_COUNTS: readonly number[] = [16, 17, 18, 19, 20, 21];

/** ast_cdr_disp2str values (main/cdr.c), CANCEL since Asterisk 23. */
export const ASTERISK_DISPOSITIONS: Record<string, CallDisposition> = {
  ANSWERED: "answered",
  "NO ANSWER": "no_answer",
  BUSY: "busy",
  FAILED: "failed",
  CONGESTION: "failed",
  CANCEL: "no_answer",
  UNKNOWN: "unknown",
};
