import "server-only";
import type pg from "pg";
import type { OrgContext } from "@/lib/db/org-context";
import { InvalidInputError, NotFoundError, PayloadTooLargeError } from "@/lib/errors";
import type { FormatContext, LegPolicy } from "@/lib/ingest/formats/cdr-format";
import type { CdrFormat } from "@/lib/ingest/formats/cdr-format";
import { loadOrgFormats } from "@/lib/ingest/formats/column-mapping/load-org-formats";
import { readUploadText, type UploadBytes } from "@/lib/ingest/read-upload-text";
import { stageRows } from "@/lib/ingest/stage-rows";
import { createProgressReporter } from "@/lib/ingest/upload-progress";
import { importHeapGrowth } from "@/lib/ingest/bound-heap-growth";
import type { LegGroupMemory } from "@/lib/ingest/leg-group-tracker";
import { createCallLoader } from "@/lib/storage/load-call-chunks";
import { runDetection } from "@/lib/detection/run-detection";
import { daysBetween } from "@/lib/detection/local-days";
import { createUpload } from "@/lib/uploads/create-upload";
import type { CreateUploadInput } from "@/lib/uploads/create-upload.schema";
import { openUploadFileWriter, uploadFilePath, type UploadFileWriter } from "@/lib/uploads/upload-file-store";

// The pipeline, one function for browser uploads, the CLI and the ingest API:
// bytes → decode → parse → detect format → normalize → COPY to staging → store → roll up, the
// storing of each chunk of rows overlapping the reading of the next.
// Everything from the first staged row to the upload's "completed" status is one transaction,
// so an upload is either entirely in the database or not at all.

export type IngestOptions = {
  source: AsyncIterable<Uint8Array>;
  maxBytes: number;
  /** The size the request says it carries (Content-Length), when it says. */
  declaredBytes?: number;
  /** Where the original file is kept (gzip); null keeps nothing (tests, benchmarks). */
  dataDir: string | null;
  /** Told of progress after every parsed batch (the CLI's progress bar). */
  onProgress?: (progress: { bytesReceived: number; rowsRead: number }) => void;
  /** Told how long each stage took, once it is done (the benchmark's breakdown). */
  onStageTimed?: (stage: IngestStage, milliseconds: number) => void;
  /** Rows per chunk stored at a time (default CHUNK_ROWS); tests make it small to cross chunk boundaries. */
  chunkRows?: number;
  /** Destinations a load's rollups hold for open days (default MAX_HELD_DESTINATIONS); tests make it small. */
  maxHeldDestinations?: number;
  /** Sizes of the leg-group table and filter (lib/ingest/leg-group-tracker.ts); tests make them small. */
  legGroupMemory?: LegGroupMemory;
};

/**
 * Stages of an import, as timed: "stage rows" is the whole stream (decode, parse, normalize, and the
 * storing of every chunk but the last), of which "normalize" is the synchronous row work (normalizing
 * and writing binary COPY rows) and "copy wait" the time spent waiting for the loader to take the
 * next chunk; "merge" is the last chunk and the settling of repeated leg groups.
 */
export type IngestStage = "stage rows" | "normalize" | "copy wait" | "merge" | "rollups" | "complete" | "detection";

export type IngestSummary = {
  uploadId: string;
  /** The format's id ("mapping:<id>" for a saved column mapping), and its name for people. */
  format: string;
  formatLabel: string;
  encoding: string;
  /** How rows relate to calls in this format (see LegPolicy). */
  legPolicy: LegPolicy;
  /** Data rows: imported + duplicates + mergedLegs + rejected. */
  rows: number;
  imported: number;
  duplicates: number;
  mergedLegs: number;
  rejected: number;
  /** Rows that are not calls by the layout's own definition (subtotals, repeated headers); not in rows. */
  skipped: number;
  firstCallAt: string | null;
  lastCallAt: string | null;
};

/** Records the upload and imports it: what the CLI and tests call. */
export async function runIngest(ctx: OrgContext, input: CreateUploadInput & Omit<IngestOptions, "dataDir"> & { dataDir?: string | null }): Promise<IngestSummary> {
  const { source, maxBytes, dataDir = null, onProgress, onStageTimed, chunkRows, maxHeldDestinations, legGroupMemory, ...upload } = input;
  const { id } = await createUpload(ctx, upload);
  return ingestUpload(ctx, id, { source, maxBytes, dataDir, onProgress, onStageTimed, chunkRows, maxHeldDestinations, legGroupMemory });
}

/** Imports the bytes of an upload created by createUpload; on failure the upload says why. */
export async function ingestUpload(ctx: OrgContext, uploadId: string, options: IngestOptions): Promise<IngestSummary> {
  const upload = await ctx.db.prisma.upload.findFirst({
    where: { id: uploadId, orgId: ctx.org.id },
    select: { status: true, format: true, fileTimeZone: true, statementMonth: true, expectedBytes: true },
  });
  if (!upload) throw new NotFoundError("Upload not found.");
  if (upload.status !== "pending") throw new InvalidInputError("This upload has already been received.", "upload_not_pending");
  const formats = await loadOrgFormats(ctx);
  const forcedFormat = upload.format ? formats.find((format) => format.id === upload.format) : undefined;
  if (upload.format && !forcedFormat) throw new InvalidInputError(`Unknown format "${upload.format}".`, "unknown_format");
  await ctx.db.prisma.upload.update({
    where: { id: uploadId, orgId: ctx.org.id },
    data: { status: "processing", startedAt: new Date(), heartbeatAt: new Date() },
  });
  const progress = createProgressReporter(ctx.db, { orgId: ctx.org.id, uploadId, expectedBytes: upload.expectedBytes === null ? null : Number(upload.expectedBytes) });
  let keptFile: UploadFileWriter | null = null;
  const releaseHeap = importHeapGrowth.acquire();
  try {
    // A size announced over the limit fails the upload before a byte is read (the stream is capped too).
    const announcedBytes = Math.max(Number(upload.expectedBytes ?? 0), options.declaredBytes ?? 0);
    if (announcedBytes > options.maxBytes) {
      throw new PayloadTooLargeError(`The file is larger than the limit of ${options.maxBytes.toLocaleString("en")} bytes.`);
    }
    keptFile = options.dataDir ? await openUploadFileWriter(uploadFilePath(options.dataDir, ctx.org.id, uploadId)) : null;
    const [year, month] = (upload.statementMonth ?? "").split("-").map(Number);
    const formatContext: FormatContext = {
      fileTimeZone: upload.fileTimeZone ?? ctx.org.timeZone,
      numbers: { defaultCountry: ctx.org.countryCode, dialOutPrefix: ctx.org.dialOutPrefix },
      statementMonth: year && month ? { year, month } : null,
    };
    const summary = await load(ctx, uploadId, options, formatContext, { formats, forcedFormat, progress, keptFile });
    await keptFile?.finish();
    const time = stageTimer(options.onStageTimed);
    await detectAfterImport(ctx, summary);
    time("detection");
    return summary;
  } catch (error) {
    if (error instanceof NeedsMappingError) {
      await keptFile?.finish();
      await ctx.db.prisma.upload.update({
        where: { id: uploadId, orgId: ctx.org.id },
        data: { status: "needs_mapping", statusMessage: error.message, sha256: error.facts.sha256, fileSizeBytes: error.facts.sizeBytes, encoding: error.facts.encoding },
      });
      throw error;
    }
    await keptFile?.discard();
    const message = error instanceof Error ? error.message : String(error);
    await ctx.db.prisma.upload.update({
      where: { id: uploadId, orgId: ctx.org.id },
      data: { status: "failed", statusMessage: message, finishedAt: new Date() },
    });
    throw error;
  } finally {
    releaseHeap();
    await progress.stop();
  }
}

/** The layout was not recognised and the file is kept: its columns can be mapped and it imported. */
export class NeedsMappingError extends InvalidInputError {
  override name = "NeedsMappingError";
  constructor(
    readonly uploadId: string,
    readonly facts: { sha256: string; sizeBytes: number; encoding: string | null },
  ) {
    super("The file's layout was not recognised. It is kept: map its columns to import it.", "needs_mapping");
  }
}

type LoadExtras = {
  formats: readonly CdrFormat[];
  forcedFormat: CdrFormat | undefined;
  progress: ReturnType<typeof createProgressReporter>;
  keptFile: UploadFileWriter | null;
};

async function load(ctx: OrgContext, uploadId: string, options: IngestOptions, context: FormatContext, extras: LoadExtras): Promise<IngestSummary> {
  const bytes = readUploadText(options.source, options.maxBytes, extras.keptFile);
  const client = await ctx.db.pool.connect();
  const time = stageTimer(options.onStageTimed);
  let isHealthy = false;
  try {
    // Staging lives in temporary buffers; a roomy budget keeps it (and the merge's sort) in memory.
    await client.query("SET temp_buffers = '256MB'");
    await client.query("BEGIN");
    // One load at a time per organization: a load keeps the rollups of the days it touches as it
    // goes, and another load's calls on those days (committed meanwhile) would not be counted.
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`load:${ctx.org.id}`]);
    await client.query("SET LOCAL work_mem = '128MB'");
    // A load's statements are many and short: compiling them (JIT) costs more than it saves.
    await client.query("SET LOCAL jit = off");
    const loader = await createCallLoader(
      client, ctx.db.pool,
      { orgId: ctx.org.id, uploadId, timeZone: ctx.org.timeZone },
      { maxHeldDestinations: options.maxHeldDestinations },
    );
    const staged = await stageRowsOrKeep(bytes, uploadId, extras.keptFile !== null, () => stageRows(bytes, loader, context, {
      owner: { orgId: ctx.org.id, uploadId, countryCode: ctx.org.countryCode },
      formats: extras.formats,
      forcedFormat: extras.forcedFormat,
      onProgress: (rowsRead) => {
        extras.progress.report(bytes.bytesRead(), rowsRead);
        options.onProgress?.({ bytesReceived: bytes.bytesRead(), rowsRead });
      },
      onStageTimed: options.onStageTimed,
      chunkRows: options.chunkRows,
      legGroupMemory: options.legGroupMemory,
    }));
    time("stage rows");
    const merged = await loader.finish(staged);
    time("merge");
    await loader.finishRollups();
    time("rollups");
    const facts = bytes.facts();
    const summary: IngestSummary = {
      uploadId,
      format: staged.format.id,
      formatLabel: staged.format.label,
      encoding: facts.encoding ?? "utf-8",
      legPolicy: staged.format.legPolicy,
      rows: staged.rows,
      imported: merged.imported,
      duplicates: merged.duplicates,
      mergedLegs: merged.mergedLegs,
      rejected: merged.rejected,
      skipped: staged.skipped,
      firstCallAt: staged.firstCallAt?.toISOString() ?? null,
      lastCallAt: staged.lastCallAt?.toISOString() ?? null,
    };
    await markCompleted(client, ctx.org.id, summary, facts);
    await client.query("COMMIT");
    time("complete");
    isHealthy = true;
    return summary;
  } finally {
    // On any failure the connection is discarded, which rolls the transaction back even mid-COPY,
    // and the rest of the upload is not read.
    client.release(!isHealthy);
    if (!isHealthy) await bytes.text.close().catch(() => {});
  }
}

/** Reports the milliseconds since the last call (or since it was made) under each stage's name. */
function stageTimer(onStageTimed: IngestOptions["onStageTimed"]): (stage: IngestStage) => void {
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    onStageTimed?.(stage, now - last);
    last = now;
  };
}

async function markCompleted(
  client: pg.PoolClient,
  orgId: string,
  summary: IngestSummary,
  facts: { sha256: string; sizeBytes: number },
): Promise<void> {
  await client.query(
    `UPDATE uploads SET status = 'completed', status_message = NULL, format = $3, encoding = $4, sha256 = $5,
            file_size_bytes = $6, bytes_received = $6, rows_read = $7, rows_estimate = $7, imported_count = $8,
            duplicate_count = $9, merged_leg_count = $10, rejected_count = $11, skipped_count = $12,
            leg_policy = $13, first_call_at = $14, last_call_at = $15, finished_at = now(), heartbeat_at = now()
      WHERE id = $1 AND org_id = $2`,
    [summary.uploadId, orgId, summary.format, summary.encoding, facts.sha256, facts.sizeBytes, summary.rows,
      summary.imported, summary.duplicates, summary.mergedLegs, summary.rejected, summary.skipped,
      summary.legPolicy, summary.firstCallAt, summary.lastCallAt],
  );
}

/** Stages the rows; when the layout is unknown but the file is being kept, receives the rest of it first. */
async function stageRowsOrKeep(bytes: UploadBytes, uploadId: string, isKept: boolean, stage: () => ReturnType<typeof stageRows>) {
  try {
    return await stage();
  } catch (error) {
    if (!isKept || !(error instanceof InvalidInputError) || error.code !== "unknown_format") throw error;
    // Read on to the end (the parser stopped early): the file is hashed and kept whole.
    for await (const piece of bytes.text) void piece;
    const facts = bytes.facts();
    throw new NeedsMappingError(uploadId, { sha256: facts.sha256, sizeBytes: facts.sizeBytes, encoding: facts.encoding });
  }
}

/** Re-runs detection for the days the upload brought calls to; its failure never undoes the import. */
async function detectAfterImport(ctx: OrgContext, summary: IngestSummary): Promise<void> {
  if (!summary.firstCallAt || !summary.lastCallAt || summary.imported === 0) return;
  const first = localDayOf(new Date(summary.firstCallAt), ctx.org.timeZone);
  const last = localDayOf(new Date(summary.lastCallAt), ctx.org.timeZone);
  try {
    await runDetection(ctx, { days: daysBetween(first, last) });
  } catch (error) {
    console.error(`Detection after upload ${summary.uploadId} failed; run \`tollwatch detect\` to retry.`, error);
  }
}

function localDayOf(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}
