/** Whether a row repeats the header, judged by one column's cell being the header's own, exactly. */
export function isRepeatedHeaderCell(fields: readonly string[], headerRow: readonly string[], index: number): boolean {
  return index >= 0 && fields[index] === headerRow[index];
}
