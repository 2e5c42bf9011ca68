import type { CdrFormat, FormatContext, RowReader } from "@/lib/ingest/formats/cdr-format";
import { createNamedColumnReader } from "@/lib/ingest/formats/create-named-column-reader";
import { findColumns, headerMatchScore } from "@/lib/ingest/formats/header-columns";
import { isRepeatedHeaderCell } from "@/lib/ingest/formats/is-repeated-header-cell";
import { rejectRow } from "@/lib/ingest/normalize/call-record";
import { API_HEADER, API_MANDATORY_NAMES, WEB_CORE_FIELDS, WEB_HEADER_NAMES } from "./columns";
import { splitApiRow } from "./split-api-row";
import { toGrandstreamCall } from "./to-grandstream-call";

// Grandstream UCM CDR, both CSV exports (../shared/formats §7a, §7b): the CDR API `format=csv`
// (22 Asterisk names, rows not valid CSV) and the web UI "Download" (display labels). Same PBX,
// same fields and meanings, so one format reads either; the header says which.

export const grandstreamUcmCdr: CdrFormat = {
  id: "grandstream-ucm-cdr",
  label: "Grandstream UCM CDR (API or web download CSV)",
  headerRows: 1,
  legPolicy: "grouped-by-call-id",
  sniff(rows) {
    const header = rows[0];
    if (!header) return 0;
    return Math.max(apiHeaderScore(header), webHeaderScore(header));
  },
  createReader(header, context) {
    const headerRow = header[0] ?? [];
    return apiHeaderScore(headerRow) > 0 ? createApiReader(context) : createWebReader(headerRow, context);
  },
  // The API's clid ("pn01" <5300>) and lastdata (SIP/5301,60,) are written bare (§7a).
  isWrittenWithoutQuoting: (firstLine) => apiHeaderScore(firstLine.split(",")) > 0,
};

function apiHeaderScore(header: string[]): number {
  return headerMatchScore(header, API_HEADER, API_MANDATORY_NAMES);
}

function webHeaderScore(header: string[]): number {
  const columns = findColumns(header, WEB_HEADER_NAMES);
  return WEB_CORE_FIELDS.every((field) => columns[field] >= 0) ? 1 : 0;
}

function createApiReader(context: FormatContext): RowReader {
  return (fields, rowNumber) => {
    if (isRepeatedHeaderCell(fields, API_HEADER, 0)) return { kind: "skipped", rowNumber, reason: "repeated_header" };
    const split = splitApiRow(fields);
    if (!split.ok) return rejectRow(rowNumber, fields, "wrong_column_count", split.detail);
    return toGrandstreamCall(split.values, fields, rowNumber, context);
  };
}

function createWebReader(headerRow: string[], context: FormatContext): RowReader {
  const columns = findColumns(headerRow, WEB_HEADER_NAMES);
  return createNamedColumnReader(headerRow, columns, ({ fields, rowNumber, field }) => {
    if (isRepeatedHeaderCell(fields, headerRow, columns.start)) return { kind: "skipped", rowNumber, reason: "repeated_header" };
    const values = {
      accountCode: field("accountCode"),
      source: field("source"),
      destination: field("destination"),
      dialplanContext: field("dialplanContext"),
      callerId: field("callerId"),
      sourceChannel: field("sourceChannel"),
      destinationChannel: field("destinationChannel"),
      start: field("start"),
      answer: field("answer"),
      end: field("end"),
      durationText: field("callTime"),
      billsecText: field("talkTime"),
      disposition: field("disposition"),
      uniqueId: field("uniqueId"),
    };
    return toGrandstreamCall(values, fields, rowNumber, context);
  });
}
