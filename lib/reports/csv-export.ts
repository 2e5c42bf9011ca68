import Papa from "papaparse";

// CSV for people and spreadsheets. CDR text is written by whoever placed the call, so a cell that a
// spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection): one starting
// with = + - @, tab or CR, or their full-width forms (＝ ＋ － ＠), which Japanese spreadsheet
// input may read the same way. papaparse's own pattern (/^[=+\-@\t\r].*$/) misses cells that span
// lines, since "." stops at a line break: "=1+1\nx" went out unescaped.
export const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

export function csvLines(rows: (string | number | null)[][]): string {
  if (rows.length === 0) return "";
  return `${Papa.unparse(rows, { escapeFormulae: FORMULA_START, newline: "\r\n" })}\r\n`;
}
