// Header names of Asterisk's `cdr` table: FreePBX's CDR Reports export (FreePBX/cdr@ba021d09
// cdr_export_csv, 26 names; release/13 wrote the first 16), dumps of FreePBX's asteriskcdrdb.cdr,
// and Asterisk's own Alembic table (asterisk@f0c1c1a7 contrib/ast-db-manage, start/answer/end).

/** The 16 names every FreePBX export and table dump has. */
export const FREEPBX_COLUMNS = [
  "calldate", "clid", "src", "dst", "dcontext", "channel", "dstchannel", "lastapp", "lastdata",
  "duration", "billsec", "disposition", "amaflags", "accountcode", "uniqueid", "userfield",
] as const;
export const FREEPBX_MANDATORY = ["calldate", "src", "dst", "billsec", "disposition"] as const;

/** 210693f3123d_create_cdr_table.py; linkedid tells it from Grandstream's look-alike API CSV. */
export const ALEMBIC_COLUMNS = [
  "accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp", "lastdata", "start", "answer",
  "end", "duration", "billsec", "disposition", "amaflags", "userfield", "uniqueid", "linkedid", "peeraccount", "sequence",
] as const;
export const ALEMBIC_MANDATORY = ["start", "answer", "end", "src", "dst", "billsec", "disposition", "linkedid"] as const;

/** Where each field the reader needs may be, by header name (findColumns). */
export const CDR_TABLE_FIELDS = {
  start: ["calldate", "start"],
  answer: ["answer"],
  end: ["end"],
  clid: ["clid"],
  src: ["src"],
  dst: ["dst"],
  dcontext: ["dcontext"],
  channel: ["channel"],
  dstchannel: ["dstchannel"],
  duration: ["duration"],
  billsec: ["billsec"],
  disposition: ["disposition"],
  accountcode: ["accountcode"],
  uniqueid: ["uniqueid"],
  linkedid: ["linkedid"],
} as const;

export type CdrTableColumns = Record<keyof typeof CDR_TABLE_FIELDS, number>;
