// Column positions of the NTT call detail statement CSV as a reseller's importer reads them
// (udaybhan-ips/data_archive@00bb42b1, models/byokakin/ntt/archive.js; ../shared/formats §8).
// Only columns 0–9 are read for every row; 13–19 are what the importer reads for free-dial rows.

export const NTT_COLUMN = {
  customerName: 0,
  /** The billed line, area code in parentheses: "(03)1234-5678". */
  ownNumber: 1,
  /** 国際, VoIP, INS, フリーダイヤル, … */
  recordType: 2,
  /** "MM/DD" or "MM月DD日", no year. */
  date: 3,
  time: 4,
  calledNumber: 5,
  destinationArea: 6,
  duration: 7,
  /** "\1,234": 0x5C is the yen sign in Shift_JIS. */
  charge: 8,
  count: 9,
  /** On free-dial rows ("フリーダイヤル"): the toll-free number that was called. */
  freeDialNumber: 14,
} as const;

/** Columns 0 (customer) through 8 (charge) must exist for a row to be a call. */
export const NTT_MIN_COLUMNS = 9;

export const NTT_RECORD_TYPE = {
  international: "国際",
  freeDial: "フリーダイヤル",
} as const;

/** Subtotal labels: col 0 for organisation and grand totals, col 1 for per-number totals. */
export const NTT_SUBTOTAL_IN_CUSTOMER_COLUMN: readonly string[] = ["組織計", "合計"];
export const NTT_SUBTOTAL_IN_NUMBER_COLUMN: readonly string[] = ["電話番号計"];

// No published header exists (§8): these are the usual Japanese statement column titles, any one
// of which marks a header row; a row of date-free, digit-free Japanese text is a header too.
export const NTT_HEADER_TITLES: ReadonlySet<string> = new Set([
  "お客様名", "契約者名", "組織名", "電話番号", "契約電話番号", "ご利用電話番号", "発信番号", "発信電話番号",
  "種別", "通話種別", "通話区分", "通話日", "通話年月日", "ご利用日", "利用日", "通話時刻", "通話開始時刻",
  "開始時刻", "相手先番号", "相手先電話番号", "着信番号", "通話先", "相手先", "着信地域", "通話時間",
  "通話料金", "通話料", "料金", "金額", "回数", "通話回数", "番号案内回数",
]);
