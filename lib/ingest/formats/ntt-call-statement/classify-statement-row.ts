import { valueAt } from "@/lib/ingest/formats/value-at";
import {
  NTT_COLUMN,
  NTT_HEADER_TITLES,
  NTT_MIN_COLUMNS,
  NTT_SUBTOTAL_IN_CUSTOMER_COLUMN,
  NTT_SUBTOTAL_IN_NUMBER_COLUMN,
} from "./columns";

// What a row of an NTT call detail statement is, judged from its shape alone; sniff() and the reader share it.
// "call" means shaped like a call (a broken date or time still counts): the reader validates it.
// Statements may be typed with full-width digits and punctuation, so patterns accept both widths.

export type StatementRowKind = "call" | "subtotal" | "header" | "other";

const DIGIT = "[0-9０-９]";
/** "(03)1234-5678", "03-1234-5678", "050-1234-5678", "0312345678". */
const OWN_NUMBER = new RegExp(`^(?:[(（][0０]${DIGIT}{1,4}[)）]|[0０]${DIGIT}{0,4}[-－]?)${DIGIT}{1,4}[-－]?${DIGIT}{3,4}$`);
/** "03/14", "3月14日". */
const MONTH_DAY = new RegExp(`^${DIGIT}{1,2}(?:[/／]|月)${DIGIT}{1,2}日?$`);
/** "02:10:05", "2:10", "2時10分5秒". */
const TIME_OF_DAY = new RegExp(`^${DIGIT}{1,2}(?:[:：]|時)${DIGIT}{1,2}(?:(?:[:：]|分)${DIGIT}{1,2}秒?)?分?$`);
const ANY_DIGIT = new RegExp(DIGIT);
/** Hiragana, katakana (full and half width) and CJK ideographs. */
const JAPANESE_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;
/** Cells that hold numbers, dates or times in a data row and only words in a header. */
const NUMERIC_IN_DATA = [NTT_COLUMN.ownNumber, NTT_COLUMN.date, NTT_COLUMN.time, NTT_COLUMN.duration, NTT_COLUMN.charge];
/** Without a known title, the date, time and duration cells must all be titles in Japanese. */
const TITLED_IN_HEADER = [NTT_COLUMN.date, NTT_COLUMN.time, NTT_COLUMN.duration];

export function classifyStatementRow(fields: string[]): StatementRowKind {
  const cell = (index: number) => valueAt(fields, index);
  if (
    NTT_SUBTOTAL_IN_CUSTOMER_COLUMN.includes(cell(NTT_COLUMN.customerName)) ||
    NTT_SUBTOTAL_IN_NUMBER_COLUMN.includes(cell(NTT_COLUMN.ownNumber))
  ) {
    return "subtotal";
  }
  if (isCallShaped(fields.length, cell)) return "call";
  if (isHeader(fields, cell)) return "header";
  return "other";
}

function isCallShaped(columnCount: number, cell: (index: number) => string): boolean {
  const recordType = cell(NTT_COLUMN.recordType);
  return (
    columnCount >= NTT_MIN_COLUMNS &&
    OWN_NUMBER.test(cell(NTT_COLUMN.ownNumber)) &&
    recordType !== "" &&
    !ANY_DIGIT.test(recordType) &&
    (MONTH_DAY.test(cell(NTT_COLUMN.date)) || TIME_OF_DAY.test(cell(NTT_COLUMN.time)))
  );
}

/** No digits where data rows have them, and a known column title anywhere or Japanese titles in place. */
function isHeader(fields: string[], cell: (index: number) => string): boolean {
  if (NUMERIC_IN_DATA.some((index) => ANY_DIGIT.test(cell(index)))) return false;
  if (fields.some((field) => NTT_HEADER_TITLES.has(field.trim()))) return true;
  return TITLED_IN_HEADER.every((index) => JAPANESE_SCRIPT.test(cell(index)));
}
