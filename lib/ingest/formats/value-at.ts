/** The trimmed value of a column; "" when the row is too short or the header lacks the column (index -1). */
export function valueAt(fields: readonly string[], index: number): string {
  const value = index < 0 ? undefined : fields[index];
  if (value === undefined) return "";
  // Most values start and end with a visible ASCII character: nothing to trim (read millions of times).
  return isVisibleAscii(value.charCodeAt(0)) && isVisibleAscii(value.charCodeAt(value.length - 1)) ? value : value.trim();
}

function isVisibleAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}
