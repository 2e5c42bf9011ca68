// For layouts with a header row: find columns by their names (vendors reorder and add columns
// between releases, so positions are never trusted) and score how well a header matches.

/** Lower-case, no BOM, no surrounding quotes or spaces, inner runs of space/_/- collapsed to one space. */
export function normalizeHeaderName(name: string): string {
  return name.replace(/^\uFEFF/, "").trim().replace(/^"|"$/g, "").normalize("NFKC").toLowerCase().replace(/[\s_-]+/g, " ").trim();
}

/**
 * Column index of each wanted field, trying each field's accepted names in order; -1 when absent.
 * `wanted` maps a field to the header names that may carry it, e.g. { start: ["calldate", "start"] }.
 */
export function findColumns<Field extends string>(header: string[], wanted: Record<Field, readonly string[]>): Record<Field, number> {
  const positions = new Map<string, number>();
  header.forEach((name, index) => {
    const key = normalizeHeaderName(name);
    if (!positions.has(key)) positions.set(key, index);
  });
  const found = {} as Record<Field, number>;
  for (const field of Object.keys(wanted) as Field[]) {
    const index = wanted[field].map((name) => positions.get(normalizeHeaderName(name))).find((position) => position !== undefined);
    found[field] = index ?? -1;
  }
  return found;
}

/** Share (0–1) of `required` header names present in `header`; 0 when any of `mandatory` is missing. */
export function headerMatchScore(header: string[] | undefined, required: readonly string[], mandatory: readonly string[] = []): number {
  if (!header || header.length === 0) return 0;
  const present = new Set(header.map(normalizeHeaderName));
  if (mandatory.some((name) => !present.has(normalizeHeaderName(name)))) return 0;
  return required.filter((name) => present.has(normalizeHeaderName(name))).length / required.length;
}
