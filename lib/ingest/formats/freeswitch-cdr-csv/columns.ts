// mod_cdr_csv templates (signalwire/freeswitch@cc93a683 conf/vanilla/autoload_configs/cdr_csv.conf.xml,
// ../shared/formats §2). caller_id_name is never escaped and may spill over several fields, so
// every other field is found from start_stamp, whose place is fixed by counting from the row's end.

/** Offsets from start_stamp; the same in the built-in default, the sql and the example template. */
export const FROM_START_STAMP = {
  callerIdNumber: -3,
  destinationNumber: -2,
  context: -1,
  answerStamp: 1,
  endStamp: 2,
  duration: 3,
  billsec: 4,
  hangupCause: 5,
  uuid: 6,
  blegUuid: 7,
  accountcode: 8,
} as const;

/** Fields from start_stamp to the row's end: default and sql end at accountcode, example adds read/write codec. */
export const FIELDS_FROM_START_STAMP = { default: 9, example: 11 } as const;

/** caller_id_name, caller_id_number, destination_number, context: start_stamp's smallest index. */
export const FIELDS_BEFORE_START_STAMP = 4;

/** `INSERT INTO cdr VALUES (` opening every row of the sql template. */
export const SQL_TEMPLATE_PREFIX = /^\s*INSERT INTO \S+ VALUES \(/i;
