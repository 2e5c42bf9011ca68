import { KNOWN_FORMATS } from "@/lib/ingest/formats/registry";
import type { CdrFormat } from "@/lib/ingest/formats/cdr-format";

// Stage 3: which known layout the first rows of a file are in. A file no format is sure about
// is not guessed: the caller reports it as unknown.

/** Below this share of matching sample rows a format does not claim the file. */
export const MIN_CONFIDENCE = 0.8;
/** Rows read before deciding. */
export const SAMPLE_ROWS = 50;

export type FormatDetection =
  | { kind: "detected"; format: CdrFormat; confidence: number }
  | { kind: "unknown"; candidates: { id: string; confidence: number }[] };

export function detectFormat(sampleRows: string[][], formats: readonly CdrFormat[] = KNOWN_FORMATS): FormatDetection {
  const nonEmpty = sampleRows.filter((row) => row.some((field) => field.trim() !== ""));
  const scored = formats
    .map((format) => ({ format, confidence: format.sniff(nonEmpty) }))
    .sort((a, b) => b.confidence - a.confidence);
  const best = scored[0];
  if (best && best.confidence >= MIN_CONFIDENCE) {
    return { kind: "detected", format: best.format, confidence: best.confidence };
  }
  return {
    kind: "unknown",
    candidates: scored.map(({ format, confidence }) => ({ id: format.id, confidence })),
  };
}
