import Papa from "papaparse";

// CSV for people and spreadsheets. CDR text is written by whoever placed the call, so cells that a
// spreadsheet would run as formulas (=, +, -, @, tab, CR) are neutralized (papaparse escapeFormulae).

export function csvLines(rows: (string | number | null)[][]): string {
  if (rows.length === 0) return "";
  return `${Papa.unparse(rows, { escapeFormulae: true, newline: "\r\n" })}\r\n`;
}
