import type { RowReader } from "@/lib/ingest/formats/cdr-format";
import { rejectWrongColumnCount } from "@/lib/ingest/formats/reject-wrong-column-count";
import { valueAt } from "@/lib/ingest/formats/value-at";
import type { RowResult } from "@/lib/ingest/normalize/call-record";

/** One data row of a headed file, its values looked up by field name. */
export type NamedColumnRow<Field extends string> = {
  fields: string[];
  rowNumber: number;
  /** The trimmed value of the field's column; "" when the header lacks it. */
  field: (name: Field) => string;
};

/**
 * The row reader of a layout whose header names every column (columns from findColumns): rows with
 * another column count are rejected first, every other row is handed to `read`.
 */
export function createNamedColumnReader<Field extends string>(
  headerRow: string[],
  columns: Record<Field, number>,
  read: (row: NamedColumnRow<Field>) => RowResult,
): RowReader {
  return (fields, rowNumber) => {
    if (fields.length !== headerRow.length) return rejectWrongColumnCount(fields, rowNumber, headerRow.length);
    return read({ fields, rowNumber, field: (name) => valueAt(fields, columns[name]) });
  };
}
