/** How sure a headerless layout is of a sample: the share (0–1) of its rows that look like its own; 0 for no rows. */
export function shareOfMatchingRows(rows: readonly string[][], looksLikeOwnRow: (fields: string[]) => boolean): number {
  if (rows.length === 0) return 0;
  return rows.filter(looksLikeOwnRow).length / rows.length;
}
