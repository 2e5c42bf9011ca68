import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { shareOfMatchingRows } from "@/lib/ingest/formats/share-of-matching-rows";
import { valueAt } from "@/lib/ingest/formats/value-at";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
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
    const zone = { timeZone: context.fileTimeZone };
    return (fields, rowNumber) => toCallRecord(fields, rowNumber, context, zone);
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

// Runs once per row of files with millions of rows: no closures or per-row objects beyond the record.
function toCallRecord(fields: string[], rowNumber: number, context: FormatContext, zone: { timeZone: string }): RowResult {
  if (!ASTERISK_COLUMN_COUNTS.includes(fields.length)) {
    return rejectRow(rowNumber, fields, "wrong_column_count", `${fields.length}`);
  }
  const startText = valueAt(fields, ASTERISK_COLUMN.start);
  const started = parseInstant(startText, "year-month-day", zone);
  if (!started.ok) return rejectTime(rowNumber, fields, started.reason, startText);
  const answered = parseOptionalInstant(valueAt(fields, ASTERISK_COLUMN.answer), zone);
  const ended = parseOptionalInstant(valueAt(fields, ASTERISK_COLUMN.end), zone);
  const durationText = valueAt(fields, ASTERISK_COLUMN.duration);
  const billsecText = valueAt(fields, ASTERISK_COLUMN.billsec);
  if (!INTEGER.test(durationText) || !INTEGER.test(billsecText)) {
    return rejectRow(rowNumber, fields, "invalid_duration", `${durationText} / ${billsecText}`);
  }
  const destinationRaw = valueAt(fields, ASTERISK_COLUMN.dst);
  if (destinationRaw === "") return rejectRow(rowNumber, fields, "missing_destination");

  const sourceRaw = valueAt(fields, ASTERISK_COLUMN.src);
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
        context: valueAt(fields, ASTERISK_COLUMN.dcontext),
      }),
      disposition: dispositionOf(valueAt(fields, ASTERISK_COLUMN.disposition)),
      sourceRaw,
      sourceE164: source.e164,
      destinationRaw,
      destinationE164: destination.e164,
      destinationCountry: destination.country,
      destinationNumberType: destination.numberType,
      accountCode: valueAt(fields, ASTERISK_COLUMN.accountcode) || null,
      callerName: valueAt(fields, ASTERISK_COLUMN.clid) || null,
      sourceChannel: valueAt(fields, ASTERISK_COLUMN.channel) || null,
      destinationChannel: valueAt(fields, ASTERISK_COLUMN.dstchannel) || null,
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
