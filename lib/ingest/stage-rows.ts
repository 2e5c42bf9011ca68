import "server-only";
import { InvalidInputError } from "@/lib/errors";
import { detectFormat, SAMPLE_ROWS } from "@/lib/ingest/detect-format";
import type { CdrFormat, FormatContext } from "@/lib/ingest/formats/cdr-format";
import { MAPPING_FORMAT_PREFIX } from "@/lib/ingest/formats/column-mapping/mapped-format";
import { normalizeHeaderName } from "@/lib/ingest/formats/header-columns";
import { KNOWN_FORMATS } from "@/lib/ingest/formats/registry";
import { rejectRow, type NormalizedCall, type RejectedRow, type RowResult } from "@/lib/ingest/normalize/call-record";
import { rejectImplausibleCall } from "@/lib/ingest/normalize/reject-implausible-call";
import { isBlankRow, parseCsvRows } from "@/lib/ingest/parse-csv-rows";
import { peekFirstLine, splitBareLines } from "@/lib/ingest/split-bare-lines";
import type { UploadBytes } from "@/lib/ingest/read-upload-text";
import { createCallTally } from "@/lib/ingest/call-tally";
import { createLegGroupTracker, type LegGroupMemory } from "@/lib/ingest/leg-group-tracker";
import { createTouchedPeriods, type TouchedPeriods } from "@/lib/ingest/touched-periods";
import type { StagedChunk } from "@/lib/storage/load-call-chunks";
import { ChunkRows, type ChunkOwner } from "@/lib/storage/call-record-columns";

// Parse → detect → normalize → binary COPY data: every row of the file becomes a staged call, a staged
// rejected row, or a counted skip. The rows work synchronously, batch by batch, into chunks that the
// loader stores while the next one is read; the loader's pace paces the reading.

export type StagedRows = {
  format: CdrFormat;
  /** Data rows staged: calls and rejected rows. */
  rows: number;
  rejected: number;
  skipped: number;
  firstCallAt: Date | null;
  lastCallAt: Date | null;
  /** The months and local days the staged calls fall in. */
  periods: TouchedPeriods;
};

type NumberedRow = { fields: string[]; rowNumber: number };

/** Widest row a file may start with; the widest layout (Cisco CUCM) has about 130 columns. */
export const MAX_COLUMNS = 1000;

/** Rows per chunk handed to the loader: big enough that a chunk's statements cost little, small enough to overlap. */
export const CHUNK_ROWS = 25_000;

/** Where staged chunks go (lib/storage/load-call-chunks.ts); load() resolves when it can take the next. */
export type ChunkSink = { load(chunk: StagedChunk): Promise<void> };

export async function stageRows(
  bytes: UploadBytes,
  sink: ChunkSink,
  context: FormatContext,
  options: {
    /** Whose rows these are: the organization and upload every row names, and the country deciding fraud relevance. */
    owner: ChunkOwner;
    formats: readonly CdrFormat[];
    forcedFormat?: CdrFormat;
    onProgress?: (rowsRead: number) => void;
    onStageTimed?: (stage: "normalize" | "copy wait", milliseconds: number) => void;
    chunkRows?: number;
    legGroupMemory?: LegGroupMemory;
  },
): Promise<StagedRows> {
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
  const firstLine = await peekFirstLine(bytes.text);
  const isWrittenWithoutQuoting = (options.forcedFormat ? [options.forcedFormat] : options.formats).some((candidate) => candidate.isWrittenWithoutQuoting?.(firstLine));
  const rows = isWrittenWithoutQuoting ? splitBareLines(bytes.text) : parseCsvRows(bytes.text);
  const { sample, all } = await peekRows(numberRows(rows), SAMPLE_ROWS);
  refuseTooManyColumns(sample);
  const format = options.forcedFormat ?? chooseFormat(sample, options.formats);
  refuseDuplicateColumns(format, sample);
  if (format.needsStatementMonth && !context.statementMonth) {
    throw new InvalidInputError(
      `${format.label} dates carry no year: give the statement month (YYYY-MM) to import this file.`,
      "needs_statement_month",
    );
  }
  const read = format.createReader(sample.slice(0, format.headerRows).map((row) => row.fields), context);
  const staged: StagedRows = { format, rows: 0, rejected: 0, skipped: 0, firstCallAt: null, lastCallAt: null, periods: createTouchedPeriods() };
  const legGroups = createLegGroupTracker(options.legGroupMemory);
  const now = Date.now();
  // Two sets of buffers take turns: the loader stores one chunk while the next is written to the other.
  const dataOfChunks = [new ChunkRows(options.owner), new ChunkRows(options.owner)];
  let chunk = emptyChunk(dataOfChunks[0]);
  let normalizeMs = 0;
  let sinkWaitMs = 0;
  const flush = async () => {
    const full = chunk;
    chunk = emptyChunk(dataOfChunks[dataOfChunks[0] === full.data ? 1 : 0]);
    const waiting = performance.now();
    const { data } = full;
    // Resolves once the chunk before is stored, so the buffers written next are free again.
    await sink.load({
      copies: { calls: data.calls.finish(), legRepeats: data.legRepeats.finish(), legs: data.legs.finish(), rejected: data.rejected.finish() },
      rows: full.rows,
      firstRowNumber: full.firstRowNumber,
      calls: data.calls.tuples,
      rejected: data.rejected.tuples,
      legRepeats: data.legRepeats.tuples,
      legRows: data.legs.tuples,
      periods: full.periods,
      tally: full.tally,
    });
    sinkWaitMs += performance.now() - waiting;
  };
  const stageCall = (record: NormalizedCall) => {
    const startedMs = record.startedAt.getTime();
    if (!staged.firstCallAt || startedMs < staged.firstCallAt.getTime()) staged.firstCallAt = record.startedAt;
    if (!staged.lastCallAt || startedMs > staged.lastCallAt.getTime()) staged.lastCallAt = record.startedAt;
    staged.periods.add(startedMs);
    chunk.periods.add(startedMs);
    const isLegRepeat = record.legGroup !== null && legGroups.isRepeat(record.legGroup);
    // Leg repeats are tallied too: one that turns out to stand alone (its group taken as seen by
    // mistake) is then counted right; the days of groups with several legs are counted again.
    chunk.tally.add(record);
    chunk.data.addCall(record, isLegRepeat);
  };
  const stageRejected = (row: RejectedRow) => {
    staged.rejected++;
    chunk.data.addRejected(row);
  };
  for await (const batch of all) {
    const batchStarted = performance.now();
    const waitedBefore = sinkWaitMs;
    const mayHoldNul = bytes.hasSeenNul();
    for (const { fields, rowNumber } of batch) {
      if (rowNumber <= format.headerRows || isBlankRow(fields)) continue;
      const result = mayHoldNul && fields.some((field) => field.includes("\0")) ? rejectNul(fields, rowNumber) : read(fields, rowNumber);
      if (result.kind === "skipped") {
        staged.skipped++;
        continue;
      }
      staged.rows++;
      if (chunk.rows++ === 0) chunk.firstRowNumber = rowNumber;
      const implausible = result.kind === "call" ? rejectImplausibleCall(result.record, fields, now) : null;
      if (result.kind === "rejected") stageRejected(result.row);
      else if (implausible) stageRejected(implausible);
      else stageCall(result.record);
      if (chunk.rows >= chunkRows) await flush();
    }
    normalizeMs += performance.now() - batchStarted - (sinkWaitMs - waitedBefore);
    options.onProgress?.(staged.rows);
  }
  if (chunk.rows > 0) await flush();
  options.onStageTimed?.("normalize", normalizeMs);
  options.onStageTimed?.("copy wait", sinkWaitMs);
  return staged;
}

function emptyChunk(data: ChunkRows) {
  data.clear();
  return { data, rows: 0, firstRowNumber: 0, periods: createTouchedPeriods(), tally: createCallTally() };
}

/** PostgreSQL text cannot hold NUL; a row with one is corrupt (a crash mid-write), shown with ␀ marks. */
function rejectNul(fields: string[], rowNumber: number): RowResult {
  const column = fields.findIndex((field) => field.includes("\0")) + 1;
  return rejectRow(rowNumber, fields.map((field) => field.replaceAll("\0", "\u2400")), "control_characters", `NUL in column ${column}`);
}

function refuseTooManyColumns(sample: NumberedRow[]): void {
  const wide = sample.find((row) => row.fields.length > MAX_COLUMNS);
  if (!wide) return;
  throw new InvalidInputError(
    `Row ${wide.rowNumber} has ${wide.fields.length.toLocaleString("en")} columns; no call record layout has more than ${MAX_COLUMNS.toLocaleString("en")}. This is not a CDR file, or its separator is not a comma.`,
    "too_many_columns",
  );
}

/** A built-in layout reads columns by name: a name given twice leaves unclear which column is meant. */
function refuseDuplicateColumns(format: CdrFormat, sample: NumberedRow[]): void {
  if (format.headerRows === 0 || format.id.startsWith(MAPPING_FORMAT_PREFIX) || sample.length === 0) return;
  const firstColumnOf = new Map<string, number>();
  for (const [index, name] of sample[0].fields.entries()) {
    const key = normalizeHeaderName(name);
    if (key === "") continue;
    const first = firstColumnOf.get(key);
    if (first !== undefined) {
      throw new InvalidInputError(
        `The header names the column "${name.trim()}" twice (columns ${first + 1} and ${index + 1}), so which one holds the data is unclear. Rename or remove one of them and upload the file again.`,
        "duplicate_column",
      );
    }
    firstColumnOf.set(key, index);
  }
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
