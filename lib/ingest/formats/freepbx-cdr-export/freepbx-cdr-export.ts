import { ASTERISK_DISPOSITIONS } from "@/lib/ingest/formats/asterisk-cdr-csv/columns";
import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { findColumns, headerMatchScore } from "@/lib/ingest/formats/header-columns";
import { headerNameMatcher } from "@/lib/ingest/formats/header-name-matcher";
import { rejectWrongColumnCount } from "@/lib/ingest/formats/reject-wrong-column-count";
import { valueAt } from "@/lib/ingest/formats/value-at";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { callPartyFields } from "@/lib/ingest/normalize/call-party-fields";
import { inferDirection } from "@/lib/ingest/normalize/call-direction";
import { rejectRow, rejectTime, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseInstant } from "@/lib/ingest/normalize/call-time";
import { parseOptionalInstant } from "@/lib/ingest/normalize/parse-optional-instant";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";
import { ALEMBIC_COLUMNS, ALEMBIC_MANDATORY, CDR_TABLE_FIELDS, FREEPBX_COLUMNS, FREEPBX_MANDATORY, type CdrTableColumns } from "./columns";

// One module for FreePBX's CDR Reports CSV and for dumps of the `cdr` table with a header: the
// export is `SELECT … FROM asteriskcdrdb.cdr` under the same column names, and Asterisk's own
// schema only renames the times, so columns are found by name and one reader serves all three.

const INTEGER = /^\d+$/;
/** How dumps write NULL: \N from MySQL's SELECT … INTO OUTFILE, NULL from some GUI clients. */
const NULL_MARKERS = new Set(["\\N", "NULL"]);

type TableReader = { columns: CdrTableColumns; columnCount: number; isStartHeader: (value: string) => boolean; context: FormatContext };

export const freepbxCdrExport: CdrFormat = {
  id: "freepbx-cdr-export",
  label: "FreePBX CDR Reports CSV / Asterisk cdr table with header",
  headerRows: 1,
  legPolicy: "grouped-by-call-id",
  sniff(rows) {
    const header = rows[0];
    return Math.max(headerMatchScore(header, FREEPBX_COLUMNS, FREEPBX_MANDATORY), headerMatchScore(header, ALEMBIC_COLUMNS, ALEMBIC_MANDATORY));
  },
  createReader(header, context) {
    const names = header[0] ?? [];
    const columns = findColumns(names, CDR_TABLE_FIELDS);
    const reader: TableReader = { columns, columnCount: names.length, isStartHeader: headerNameMatcher(names, columns.start), context };
    return (fields, rowNumber) => toCallRecord(fields, rowNumber, reader);
  },
};

function toCallRecord(fields: string[], rowNumber: number, { columns, columnCount, isStartHeader, context }: TableReader): RowResult {
  const value = (index: number) => tableValueAt(fields, index);
  const startText = value(columns.start);
  if (isStartHeader(startText)) return { kind: "skipped", rowNumber, reason: "repeated_header" };
  if (fields.length !== columnCount) return rejectWrongColumnCount(fields, rowNumber, columnCount);
  const zone = { timeZone: context.fileTimeZone };
  const started = parseInstant(startText, "year-month-day", zone);
  if (!started.ok) return rejectTime(rowNumber, fields, started.reason, startText);
  const durationText = value(columns.duration);
  const billsecText = value(columns.billsec);
  if (!INTEGER.test(durationText) || !INTEGER.test(billsecText)) {
    return rejectRow(rowNumber, fields, "invalid_duration", `${durationText} / ${billsecText}`);
  }
  const destinationRaw = value(columns.dst);
  if (destinationRaw === "") return rejectRow(rowNumber, fields, "missing_destination");

  const sourceRaw = value(columns.src);
  const source = classifyNumber(sourceRaw, context.numbers);
  const destination = classifyNumber(destinationRaw, context.numbers);
  const durationSeconds = Number(durationText);
  const callId = value(columns.uniqueid) || null;
  return {
    kind: "call",
    record: {
      rowNumber,
      startedAt: started.date,
      // The FreePBX export has only calldate: answer and end stay unknown rather than derived.
      answeredAt: parseOptionalInstant(value(columns.answer), zone),
      endedAt: parseOptionalInstant(value(columns.end), zone),
      durationSeconds,
      billableSeconds: Number(billsecText),
      // Not `did`: a call forwarded out to a trunk keeps the DID it came in on, yet costs money.
      direction: inferDirection({ sourceType: source.numberType, destinationType: destination.numberType, context: value(columns.dcontext) }),
      disposition: ASTERISK_DISPOSITIONS[value(columns.disposition).toUpperCase()] ?? "unknown",
      ...callPartyFields(sourceRaw, source, destinationRaw, destination),
      accountCode: value(columns.accountcode) || null,
      callerName: value(columns.clid) || null,
      sourceChannel: value(columns.channel) || null,
      destinationChannel: value(columns.dstchannel) || null,
      callId,
      costAmount: null,
      costCurrency: null,
      fingerprint: callFingerprint({ startedAt: started.date, sourceRaw, destinationKey: destination.e164 ?? destinationRaw, durationSeconds, callId }),
      // Forks and Local-channel legs share a linkedid (Asterisk 12+); older tables only a uniqueid.
      legGroup: value(columns.linkedid) || callId,
    },
  };
}

/** The trimmed value of a column, "" when the header lacks it or the dump wrote NULL. */
function tableValueAt(fields: string[], index: number): string {
  const value = valueAt(fields, index);
  return NULL_MARKERS.has(value) ? "" : value;
}
