import type { ColumnMappingConfig } from "@/lib/ingest/formats/column-mapping/column-mapping.schema";
import { normalizeHeaderName } from "@/lib/ingest/formats/header-columns";

// A first guess for the mapping form from the file's first rows: which columns hold what, by their
// header names (English and Japanese) and by what their values look like. The user confirms it.

type Columns = ColumnMappingConfig["columns"];

const NAMES: [keyof Columns, string[]][] = [
  ["startDateTime", ["calldate", "start", "start time", "starttime", "date/time", "datetime", "time", "発信日時", "通話開始日時", "開始日時", "日時", "通話日時"]],
  ["startDate", ["date", "call date", "通話日", "日付", "発信日"]],
  ["startTime", ["call time", "通話時刻", "時刻", "発信時刻", "開始時刻"]],
  ["destination", ["dst", "to", "destination", "called", "called number", "dialed", "dialled", "発信先", "発信先番号", "相手先", "相手先番号", "着信番号", "通話先番号", "ダイヤル番号"]],
  ["source", ["src", "from", "caller", "calling", "caller id", "発信元", "発信元番号", "発信者", "発信番号", "電話番号"]],
  ["duration", ["duration", "call duration", "talk time", "billsec", "billable", "通話時間", "時間", "秒数"]],
  ["cost", ["cost", "charge", "price", "amount", "料金", "通話料", "通話料金", "金額"]],
  ["currency", ["currency", "price unit", "通貨"]],
  ["disposition", ["status", "disposition", "result", "結果", "状態", "ステータス"]],
  ["direction", ["direction", "type", "call type", "種別", "発着信", "発着信種別"]],
  ["accountCode", ["account", "accountcode", "account code", "アカウント"]],
  ["callId", ["call id", "callid", "uniqueid", "id", "通話id"]],
];

export function guessColumnMapping(rows: string[][]): ColumnMappingConfig {
  const first = rows[0] ?? [];
  const hasHeader = first.length > 0 && first.every((cell) => !/\d{2}/.test(cell));
  const columns: Partial<Record<keyof Columns, number>> = {};
  if (hasHeader) {
    const names = first.map(normalizeHeaderName);
    for (const [field, candidates] of NAMES) {
      const index = names.findIndex((name, position) => candidates.includes(name) && !Object.values(columns).includes(position));
      if (index >= 0) columns[field] = index;
    }
  }
  if (columns.startDateTime !== undefined && columns.startDate !== undefined) delete columns.startDate;
  return {
    headerRows: hasHeader ? 1 : 0,
    columns: { ...columns, destination: columns.destination ?? 0 } as Columns,
    dateNotation: "year-month-day",
    timeZone: null,
    currency: null,
  };
}
