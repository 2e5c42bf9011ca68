import { ASTERISK_DISPOSITIONS } from "@/lib/ingest/formats/asterisk-cdr-csv/columns";
import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { findColumns, headerMatchScore, normalizeHeaderName } from "@/lib/ingest/formats/header-columns";
import { callFingerprint } from "@/lib/ingest/normalize/call-fingerprint";
import { inferDirection } from "@/lib/ingest/normalize/call-direction";
import { rejectRow, rejectTime, type RowResult } from "@/lib/ingest/normalize/call-record";
import { parseInstant } from "@/lib/ingest/normalize/call-time";
import { classifyNumber } from "@/lib/ingest/normalize/phone-number";
import { ALEMBIC_COLUMNS, ALEMBIC_MANDATORY, CDR_TABLE_FIELDS, FREEPBX_COLUMNS, FREEPBX_MANDATORY, type CdrTableColumns } from "./columns";

// One module for FreePBX's CDR Reports CSV and for dumps of the `cdr` table with a header: the
// export is `SELECT … FROM asteriskcdrdb.cdr` under the same column names, and Asterisk's own
// schema only renames the times, so columns are found by name and one reader serves all three.

const INTEGER = /^\d+$/;
/** How dumps write NULL: \N from MySQL's SELECT … INTO OUTFILE, NULL from some GUI clients. */
const NULL_MARKERS = new Set(["\\N", "NULL"]);

type TableReader = { columns: CdrTableColumns; columnCount: number; startHeader: string | null; context: FormatContext };

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
    const startHeader = columns.start < 0 ? null : normalizeHeaderName(names[columns.start]);
    const reader: TableReader = { columns, columnCount: names.length, startHeader, context };
    return (fields, rowNumber) => toCallRecord(fields, rowNumber, reader);
  },
};

function toCallRecord(fields: string[], rowNumber: number, { columns, columnCount, startHeader, context }: TableReader): RowResult {
  const startText = valueAt(fields, columns.start);
  // Exports appended to one another repeat the header mid-file.
  if (startText.toLowerCase() === startHeader) return { kind: "skipped", rowNumber, reason: "repeated_header" };
  if (fields.length !== columnCount) return rejectRow(rowNumber, fields, "wrong_column_count", `${fields.length} of ${columnCount}`);
  const started = parseInstant(startText, "year-month-day", { timeZone: context.fileTimeZone });
  if (!started.ok) return rejectTime(rowNumber, fields, started.reason, startText);
  const durationText = valueAt(fields, columns.duration);
  const billsecText = valueAt(fields, columns.billsec);
  if (!INTEGER.test(durationText) || !INTEGER.test(billsecText)) {
    return rejectRow(rowNumber, fields, "invalid_duration", `${durationText} / ${billsecText}`);
  }
  const destinationRaw = valueAt(fields, columns.dst);
  if (destinationRaw === "") return rejectRow(rowNumber, fields, "missing_destination");

  const sourceRaw = valueAt(fields, columns.src);
  const source = classifyNumber(sourceRaw, context.numbers);
  const destination = classifyNumber(destinationRaw, context.numbers);
  const durationSeconds = Number(durationText);
  const callId = valueAt(fields, columns.uniqueid) || null;
  return {
    kind: "call",
    record: {
      rowNumber,
      startedAt: started.date,
      // The FreePBX export has only calldate: answer and end stay unknown rather than derived.
      answeredAt: optionalTime(valueAt(fields, columns.answer), context),
      endedAt: optionalTime(valueAt(fields, columns.end), context),
      durationSeconds,
      billableSeconds: Number(billsecText),
      // Not `did`: a call forwarded out to a trunk keeps the DID it came in on, yet costs money.
      direction: inferDirection({ sourceType: source.numberType, destinationType: destination.numberType, context: valueAt(fields, columns.dcontext) }),
      disposition: ASTERISK_DISPOSITIONS[valueAt(fields, columns.disposition).toUpperCase()] ?? "unknown",
      sourceRaw,
      sourceE164: source.e164,
      destinationRaw,
      destinationE164: destination.e164,
      destinationCountry: destination.country,
      destinationNumberType: destination.numberType,
      accountCode: valueAt(fields, columns.accountcode) || null,
      callerName: valueAt(fields, columns.clid) || null,
      sourceChannel: valueAt(fields, columns.channel) || null,
      destinationChannel: valueAt(fields, columns.dstchannel) || null,
      callId,
      costAmount: null,
      costCurrency: null,
      fingerprint: callFingerprint({ startedAt: started.date, sourceRaw, destinationKey: destination.e164 ?? destinationRaw, durationSeconds, callId }),
      // Forks and Local-channel legs share a linkedid (Asterisk 12+); older tables only a uniqueid.
      legGroup: valueAt(fields, columns.linkedid) || callId,
    },
  };
}

/** The trimmed value of a column, "" when the header lacks it or the dump wrote NULL. */
function valueAt(fields: string[], index: number): string {
  if (index < 0) return "";
  const value = fields[index]?.trim() ?? "";
  return NULL_MARKERS.has(value) ? "" : value;
}

function optionalTime(text: string, context: FormatContext): Date | null {
  if (text === "") return null;
  const parsed = parseInstant(text, "year-month-day", { timeZone: context.fileTimeZone });
  return parsed.ok ? parsed.date : null;
}
