import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { shareOfMatchingRows } from "@/lib/ingest/formats/share-of-matching-rows";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { callPartyFields } from "@/lib/ingest/normalize/call-party-fields";
import { inferDirection } from "@/lib/ingest/normalize/call-direction";
import { rejectRow, rejectTime, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseInstant } from "@/lib/ingest/normalize/call-time";
import { parseOptionalInstant } from "@/lib/ingest/normalize/parse-optional-instant";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";
import { dispositionFromCause } from "@/lib/ingest/normalize/q850-cause";
import { FROM_START_STAMP as AT } from "./columns";
import { locateStartStamp } from "./locate-start-stamp";
import { repairTemplateEnds } from "./repair-template-ends";
import { splitSqlRow } from "./split-sql-row";

// FreeSWITCH mod_cdr_csv Master.csv: no header; the built-in default template (13 fields), the sql
// template (the same inside `INSERT INTO cdr VALUES (…);`), the vanilla example template (15), and
// that file re-saved by a spreadsheet (quotes gone, `2020/2/10 22:41`). Times are the switch's local time.

/** `2014-05-29 16:59:50`, or `2020/2/10 22:41` after a spreadsheet re-saved the file. */
const DATE_TIME = /^\d{4}[-/]\d{1,2}[-/]\d{1,2} \d{1,2}:\d{2}(?::\d{2})?$/;
const INTEGER = /^\d+$/;
const HANGUP_CAUSE = /^[A-Z][A-Z0-9_]*$/;
/** Fewer fields than the shortest template: maybe an sql row papaparse split on `;`. */
const FEWEST_TEMPLATE_FIELDS = 13;

export const freeswitchCdrCsv: CdrFormat = {
  id: "freeswitch-cdr-csv",
  label: "FreeSWITCH mod_cdr_csv (Master.csv)",
  headerRows: 0,
  legPolicy: "grouped-by-call-id",
  sniff(rows) {
    return shareOfMatchingRows(rows, looksLikeFreeswitchRow);
  },
  createReader(_header, context) {
    return (fields, rowNumber) => toCallRecord(fields, rowNumber, context);
  },
};

function looksLikeFreeswitchRow(row: string[]): boolean {
  const fields = valuesOf(row);
  const start = locateStartStamp(fields, true);
  return (
    start >= 0 &&
    DATE_TIME.test(fields[start].trim()) &&
    INTEGER.test(fields[start + AT.duration].trim()) &&
    INTEGER.test(fields[start + AT.billsec].trim()) &&
    HANGUP_CAUSE.test(fields[start + AT.hangupCause].trim())
  );
}

function valuesOf(row: string[]): string[] {
  return row.length < FEWEST_TEMPLATE_FIELDS ? (splitSqlRow(row) ?? row) : row;
}

function toCallRecord(row: string[], rowNumber: number, context: FormatContext): RowResult {
  const fields = valuesOf(row);
  const start = locateStartStamp(fields, false);
  if (start < 0) return rejectRow(rowNumber, row, "wrong_column_count", `${fields.length}`);
  const startText = fields[start].trim();
  const zone = { timeZone: context.fileTimeZone };
  const started = parseInstant(startText, "year-month-day", zone);
  if (!started.ok) return rejectTime(rowNumber, row, started.reason, startText);
  const durationText = fields[start + AT.duration].trim();
  const billsecText = fields[start + AT.billsec].trim();
  if (!INTEGER.test(durationText) || !INTEGER.test(billsecText)) {
    return rejectRow(rowNumber, row, "invalid_duration", `${durationText} / ${billsecText}`);
  }
  const destinationRaw = fields[start + AT.destinationNumber].trim();
  if (destinationRaw === "") return rejectRow(rowNumber, row, "missing_destination");

  const answerText = fields[start + AT.answerStamp].trim();
  const billableSeconds = Number(billsecText);
  const durationSeconds = Number(durationText);
  const sourceRaw = fields[start + AT.callerIdNumber].trim();
  const source = classifyNumber(sourceRaw, context.numbers);
  const destination = classifyNumber(destinationRaw, context.numbers);
  const { callerName, accountCode } = repairTemplateEnds(fields, start);
  const callId = fields[start + AT.uuid].trim() || null;
  const blegUuid = fields[start + AT.blegUuid].trim();
  return {
    kind: "call",
    record: {
      rowNumber,
      startedAt: started.date,
      answeredAt: parseOptionalInstant(answerText, zone),
      endedAt: parseOptionalInstant(fields[start + AT.endStamp].trim(), zone),
      durationSeconds,
      billableSeconds,
      // `public` (unauthenticated callers) is not read as inbound: toll-fraud attempts land there too.
      direction: inferDirection({
        sourceType: source.numberType,
        destinationType: destination.numberType,
        context: fields[start + AT.context].trim(),
      }),
      // NORMAL_CLEARING also ends calls nobody answered: answered-ness comes from the stamps.
      disposition: dispositionFromCause(fields[start + AT.hangupCause].trim(), answerText !== "" || billableSeconds > 0),
      ...callPartyFields(sourceRaw, source, destinationRaw, destination),
      accountCode: accountCode || null,
      callerName: callerName || null,
      sourceChannel: null,
      destinationChannel: null,
      callId,
      costAmount: null,
      costCurrency: null,
      fingerprint: callFingerprint({ startedAt: started.date, sourceRaw, destinationKey: destination.e164 ?? destinationRaw, durationSeconds, callId }),
      // Of a bridged pair one row names the other's uuid in bleg_uuid, the other leaves it empty (doc §2;
      // there the row dialling *1003 is the a-leg naming its b-leg), so `bleg_uuid || uuid` ties both
      // rows whichever leg the doc's prose calls a; a call that never bridged is its own group.
      legGroup: blegUuid || callId,
    },
  };
}
