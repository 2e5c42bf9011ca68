import "server-only";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
import { InvalidInputError } from "@/lib/errors";
import { detectFormat, SAMPLE_ROWS } from "@/lib/ingest/detect-format";
import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { KNOWN_FORMATS } from "@/lib/ingest/formats/registry";
import { isBlankRow, parseCsvRows } from "@/lib/ingest/parse-csv-rows";
import type { UploadBytes } from "@/lib/ingest/read-upload-text";
import { stagedCallLine, stagedRejectedLine } from "@/lib/storage/call-record-columns";

// Parse → detect → normalize → COPY: every row of the file becomes a staged call, a staged rejected
// row, or a counted skip. The rows work synchronously, batch by batch; COPY back-pressure paces it.

export type StagedRows = { format: CdrFormat; rows: number; skipped: number; firstCallAt: Date | null; lastCallAt: Date | null };

type NumberedRow = { fields: string[]; rowNumber: number };

export async function stageRows(
  bytes: UploadBytes,
  copy: Writable,
  context: FormatContext,
  options: { formats: readonly CdrFormat[]; forcedFormat?: CdrFormat; onProgress?: (rowsRead: number) => void },
): Promise<StagedRows> {
  const copyDone = finished(copy);
  copyDone.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  const { sample, all } = await peekRows(numberRows(parseCsvRows(bytes.text)), SAMPLE_ROWS);
  const format = options.forcedFormat ?? chooseFormat(sample, options.formats);
  if (format.needsStatementMonth && !context.statementMonth) {
    throw new InvalidInputError(
      `${format.label} dates carry no year: give the statement month (YYYY-MM) to import this file.`,
      "needs_statement_month",
    );
  }
  const read = format.createReader(sample.slice(0, format.headerRows).map((row) => row.fields), context);
  const staged: StagedRows = { format, rows: 0, skipped: 0, firstCallAt: null, lastCallAt: null };
  for await (const batch of all) {
    let buffer = "";
    for (const { fields, rowNumber } of batch) {
      if (rowNumber <= format.headerRows || isBlankRow(fields)) continue;
      const result = read(fields, rowNumber);
      if (result.kind === "skipped") {
        staged.skipped++;
        continue;
      }
      staged.rows++;
      if (result.kind === "call") {
        const startedAt = result.record.startedAt;
        if (!staged.firstCallAt || startedAt < staged.firstCallAt) staged.firstCallAt = startedAt;
        if (!staged.lastCallAt || startedAt > staged.lastCallAt) staged.lastCallAt = startedAt;
        buffer += stagedCallLine(result.record);
      } else {
        buffer += stagedRejectedLine(result.row);
      }
    }
    if (!copy.write(buffer)) await once(copy, "drain");
    options.onProgress?.(staged.rows);
  }
  copy.end();
  await copyDone;
  return staged;
}

function chooseFormat(sample: NumberedRow[], formats: readonly CdrFormat[]): CdrFormat {
  if (sample.every((row) => isBlankRow(row.fields))) throw new InvalidInputError("The file has no rows.", "empty_file");
  const detection = detectFormat(sample.map((row) => row.fields), formats);
  if (detection.kind === "unknown") {
    throw new InvalidInputError(
      `The file's layout was not recognised. Known formats: ${KNOWN_FORMATS.map((f) => f.label).join(", ")}; other layouts can be read by mapping their columns.`,
      "unknown_format",
    );
  }
  return detection.format;
}

async function* numberRows(batches: AsyncIterable<string[][]>): AsyncGenerator<NumberedRow[]> {
  let rowNumber = 0;
  for await (const batch of batches) yield batch.map((fields) => ({ fields, rowNumber: ++rowNumber }));
}

/** Reads batches until `count` rows are known for detection, and gives back all batches still. */
async function peekRows(batches: AsyncGenerator<NumberedRow[]>, count: number) {
  const seen: NumberedRow[][] = [];
  let rows = 0;
  while (rows < count) {
    const next = await batches.next();
    if (next.done) break;
    seen.push(next.value);
    rows += next.value.length;
  }
  async function* all(): AsyncGenerator<NumberedRow[]> {
    yield* seen;
    yield* batches;
  }
  return { sample: seen.flat().slice(0, count), all: all() };
}
