import { normalizeHeaderName } from "@/lib/ingest/formats/header-columns";

/**
 * A test for a trimmed cell that repeats its column's header name, in any case (exports appended to
 * one another repeat the header mid-file). Never true when the header lacks the column (index -1).
 */
export function headerNameMatcher(headerRow: readonly string[], index: number): (value: string) => boolean {
  const headerName = index < 0 ? null : normalizeHeaderName(headerRow[index]);
  return (value) => value.toLowerCase() === headerName;
}
