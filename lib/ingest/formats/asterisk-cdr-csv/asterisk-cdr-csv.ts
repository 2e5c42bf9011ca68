import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { shareOfMatchingRows } from "@/lib/ingest/formats/share-of-matching-rows";
import { valueAt } from "@/lib/ingest/formats/value-at";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { callPartyFields } from "@/lib/ingest/normalize/call-party-fields";
import { inferDirection } from "@/lib/ingest/normalize/call-direction";
import { rejectRow, rejectTime, type CallDisposition, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseInstant } from "@/lib/ingest/normalize/call-time";
import { parseOptionalInstant } from "@/lib/ingest/normalize/parse-optional-instant";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";
import { ASTERISK_COLUMN, ASTERISK_COLUMN_COUNTS, ASTERISK_DISPOSITIONS } from "./columns";

// Asterisk cdr_csv Master.csv: no header; 16 standard fields, then uniqueid / userfield and the
// newcdrcolumns trio (peeraccount, linkedid, sequence) when enabled (../shared/formats §1).
// Forked and Local-channel legs share a linkedid (or, before Asterisk 12, a uniqueid): one call.

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const INTEGER = /^\d+$/;
const UNIQUE_ID = /^\d+\.\d+$/;

export const asteriskCdrCsv: CdrFormat = {
  id: "asterisk-cdr-csv",
  label: "Asterisk cdr_csv (Master.csv)",
  headerRows: 0,
  legPolicy: "grouped-by-call-id",
  sniff(rows) {
    // Master.csv never has a header: a first row of names (no digits) means another layout.
    if (rows.length === 0 || rows[0].every((field) => !/\d/.test(field))) return 0;
    return shareOfMatchingRows(rows, looksLikeAsteriskRow);
  },
  createReader(_header, context) {
    return (fields, rowNumber) => toCallRecord(fields, rowNumber, context);
  },
};

function looksLikeAsteriskRow(fields: string[]): boolean {
  return (
    ASTERISK_COLUMN_COUNTS.includes(fields.length) &&
    DATE_TIME.test(fields[ASTERISK_COLUMN.start]) &&
    DATE_TIME.test(fields[ASTERISK_COLUMN.end]) &&
    INTEGER.test(fields[ASTERISK_COLUMN.duration]) &&
    INTEGER.test(fields[ASTERISK_COLUMN.billsec]) &&
    Object.hasOwn(ASTERISK_DISPOSITIONS, fields[ASTERISK_COLUMN.disposition])
  );
}

function toCallRecord(fields: string[], rowNumber: number, context: FormatContext): RowResult {
  if (!ASTERISK_COLUMN_COUNTS.includes(fields.length)) {
    return rejectRow(rowNumber, fields, "wrong_column_count", `${fields.length}`);
  }
  const field = (index: number) => valueAt(fields, index);
  const zone = { timeZone: context.fileTimeZone };
  const started = parseInstant(field(ASTERISK_COLUMN.start), "year-month-day", zone);
  if (!started.ok) return rejectTime(rowNumber, fields, started.reason, field(ASTERISK_COLUMN.start));
  const answered = parseOptionalInstant(field(ASTERISK_COLUMN.answer), zone);
  const ended = parseOptionalInstant(field(ASTERISK_COLUMN.end), zone);
  const durationText = field(ASTERISK_COLUMN.duration);
  const billsecText = field(ASTERISK_COLUMN.billsec);
  if (!INTEGER.test(durationText) || !INTEGER.test(billsecText)) {
    return rejectRow(rowNumber, fields, "invalid_duration", `${durationText} / ${billsecText}`);
  }
  const destinationRaw = field(ASTERISK_COLUMN.dst);
  if (destinationRaw === "") return rejectRow(rowNumber, fields, "missing_destination");

  const sourceRaw = field(ASTERISK_COLUMN.src);
  const source = classifyNumber(sourceRaw, context.numbers);
  const destination = classifyNumber(destinationRaw, context.numbers);
  const durationSeconds = Number(durationText);
  const callId = callIdOf(fields);
  return {
    kind: "call",
    record: {
      rowNumber,
      startedAt: started.date,
      answeredAt: answered,
      endedAt: ended,
      durationSeconds,
      billableSeconds: Number(billsecText),
      direction: inferDirection({
        sourceType: source.numberType,
        destinationType: destination.numberType,
        context: field(ASTERISK_COLUMN.dcontext),
      }),
      disposition: dispositionOf(field(ASTERISK_COLUMN.disposition)),
      ...callPartyFields(sourceRaw, source, destinationRaw, destination),
      accountCode: field(ASTERISK_COLUMN.accountcode) || null,
      callerName: field(ASTERISK_COLUMN.clid) || null,
      sourceChannel: field(ASTERISK_COLUMN.channel) || null,
      destinationChannel: field(ASTERISK_COLUMN.dstchannel) || null,
      callId,
      costAmount: null,
      costCurrency: null,
      fingerprint: callFingerprint({ startedAt: started.date, sourceRaw, destinationKey: destination.e164 ?? destinationRaw, durationSeconds, callId }),
      legGroup: linkedIdOf(fields) ?? callId,
    },
  };
}

function dispositionOf(text: string): CallDisposition {
  return Object.hasOwn(ASTERISK_DISPOSITIONS, text) ? ASTERISK_DISPOSITIONS[text] : "unknown";
}

/** newcdrcolumns=yes appends peeraccount, linkedid, sequence: linkedid is the second-to-last field. */
function linkedIdOf(fields: string[]): string | null {
  if (fields.length < 20) return null;
  const linkedId = valueAt(fields, fields.length - 2);
  return UNIQUE_ID.test(linkedId) ? linkedId : null;
}

/** Column 16 is uniqueid ("1497952162.0") when logged; with loguserfield alone it is the userfield. */
function callIdOf(fields: string[]): string | null {
  const uniqueId = valueAt(fields, ASTERISK_COLUMN.uniqueid);
  return UNIQUE_ID.test(uniqueId) ? uniqueId : null;
}
