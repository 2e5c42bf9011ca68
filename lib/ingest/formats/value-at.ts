/** The trimmed value of a column; "" when the row is too short or the header lacks the column (index -1). */
export function valueAt(fields: readonly string[], index: number): string {
  return index < 0 ? "" : (fields[index]?.trim() ?? "");
}
