import { rejectRow, type RowResult } from "@/lib/ingest/normalize/call-record";

/** A row whose column count differs from the header's: its values would land under the wrong names. */
export function rejectWrongColumnCount(fields: string[], rowNumber: number, headerColumnCount: number): RowResult {
  return rejectRow(rowNumber, fields, "wrong_column_count", `${fields.length} of ${headerColumnCount}`);
}
