import "server-only";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
import type pg from "pg";
import { actorUserId, type OrgContext } from "@/lib/db/org-context";
import { InvalidInputError } from "@/lib/errors";
import { detectFormat, SAMPLE_ROWS } from "@/lib/ingest/detect-format";
import type { CdrFormat, FormatContext, LegPolicy } from "@/lib/ingest/formats/cdr-format";
import { findFormat, KNOWN_FORMATS } from "@/lib/ingest/formats/registry";
import { isKnownTimeZone, type StatementMonth } from "@/lib/ingest/normalize/call-time";
import { isBlankRow, parseCsvRows } from "@/lib/ingest/parse-csv-rows";
import { readUploadText, type UploadBytes } from "@/lib/ingest/read-upload-text";
import { stagedCallLine, stagedRejectedLine } from "@/lib/storage/call-record-columns";
import { openStagingCopy } from "@/lib/storage/copy-call-records";
import { ensureMonthPartitions } from "@/lib/storage/ensure-month-partitions";
import { mergeStagedCalls, stagedMonthStarts } from "@/lib/storage/merge-staged-calls";
import { refreshRollups, stagedLocalDays } from "@/lib/storage/refresh-rollups";

// The pipeline, one function for browser uploads, the CLI and the ingest API:
// bytes → decode → parse → detect format → normalize → COPY to staging → merge → roll up.
// Everything from the first staged row to the upload's "completed" status is one transaction,
// so an upload is either entirely in the database or not at all.

export type IngestInput = {
  source: AsyncIterable<Uint8Array>;
  fileName: string;
  /** Skip detection and read the file as this format. */
  formatId?: string;
  /** Zone of times written without an offset; default: the organization's. */
  fileTimeZone?: string;
  /** Year and month of a statement whose dates carry no year. */
  statementMonth?: StatementMonth | null;
  maxBytes: number;
};

export type IngestSummary = {
  uploadId: string;
  format: string;
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

export async function runIngest(ctx: OrgContext, input: IngestInput): Promise<IngestSummary> {
  const fileTimeZone = input.fileTimeZone ?? ctx.org.timeZone;
  if (!isKnownTimeZone(fileTimeZone)) throw new InvalidInputError(`Unknown time zone: ${fileTimeZone}`, "unknown_time_zone");
  const forcedFormat = input.formatId ? findFormat(input.formatId) : undefined;
  if (input.formatId && !forcedFormat) {
    throw new InvalidInputError(`Unknown format "${input.formatId}". Known formats: ${KNOWN_FORMATS.map((f) => f.id).join(", ")}.`, "unknown_format");
  }
  const upload = await ctx.db.prisma.upload.create({
    data: { orgId: ctx.org.id, fileName: input.fileName, status: "processing", uploadedById: actorUserId(ctx.actor) },
    select: { id: true },
  });
  try {
    return await loadUpload(ctx, upload.id, input, { fileTimeZone, forcedFormat });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await ctx.db.prisma.upload.update({
      where: { id: upload.id, orgId: ctx.org.id },
      data: { status: "failed", statusMessage: message, finishedAt: new Date() },
    });
    throw error;
  }
}

type LoadOptions = { fileTimeZone: string; forcedFormat: CdrFormat | undefined };

async function loadUpload(ctx: OrgContext, uploadId: string, input: IngestInput, options: LoadOptions): Promise<IngestSummary> {
  const bytes = readUploadText(input.source, input.maxBytes);
  const client = await ctx.db.pool.connect();
  let healthy = false;
  try {
    await client.query("BEGIN");
    const copy = await openStagingCopy(client);
    const formatContext: FormatContext = {
      fileTimeZone: options.fileTimeZone,
      numbers: { defaultCountry: ctx.org.countryCode, dialOutPrefix: ctx.org.dialOutPrefix },
      statementMonth: input.statementMonth ?? null,
    };
    const staged = await stageRows(bytes, copy, formatContext, options.forcedFormat);
    await ensureMonthPartitions(ctx.db.pool, await stagedMonthStarts(client));
    const merged = await mergeStagedCalls(client, { orgId: ctx.org.id, uploadId });
    const localDays = await stagedLocalDays(client, ctx.org.timeZone);
    await refreshRollups(client, { orgId: ctx.org.id, timeZone: ctx.org.timeZone, localDays });
    const facts = bytes.facts();
    const summary: IngestSummary = {
      uploadId,
      format: staged.format.id,
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
    healthy = true;
    return summary;
  } finally {
    // On any failure the connection is discarded, which rolls the transaction back even mid-COPY.
    client.release(!healthy);
  }
}

type StagedRows = { format: CdrFormat; rows: number; skipped: number; firstCallAt: Date | null; lastCallAt: Date | null };
type NumberedRow = { fields: string[]; rowNumber: number };

async function stageRows(bytes: UploadBytes, copy: Writable, context: FormatContext, forcedFormat?: CdrFormat): Promise<StagedRows> {
  const copyDone = finished(copy);
  copyDone.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  const { sample, all } = await peekRows(numberRows(parseCsvRows(bytes.text)), SAMPLE_ROWS);
  const format = forcedFormat ?? chooseFormat(sample);
  const header = sample.slice(0, format.headerRows).map((row) => row.fields);
  const read = format.createReader(header, context);
  const staged: StagedRows = { format, rows: 0, skipped: 0, firstCallAt: null, lastCallAt: null };
  let buffer = "";
  for await (const { fields, rowNumber } of all) {
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
    if (buffer.length >= 64 * 1024) {
      if (!copy.write(buffer)) await once(copy, "drain");
      buffer = "";
    }
  }
  copy.end(buffer);
  await copyDone;
  return staged;
}

function chooseFormat(sample: NumberedRow[]): CdrFormat {
  if (sample.every((row) => isBlankRow(row.fields))) throw new InvalidInputError("The file has no rows.", "empty_file");
  const detection = detectFormat(sample.map((row) => row.fields));
  if (detection.kind === "unknown") {
    throw new InvalidInputError(
      `The file's layout was not recognised. Known formats: ${KNOWN_FORMATS.map((f) => f.label).join(", ")}.`,
      "unknown_format",
    );
  }
  return detection.format;
}

async function* numberRows(rows: AsyncIterable<string[]>): AsyncGenerator<NumberedRow> {
  let rowNumber = 0;
  for await (const fields of rows) yield { fields, rowNumber: ++rowNumber };
}

/** Reads the first `count` rows for detection, and gives back an iterable that still yields them. */
async function peekRows(rows: AsyncGenerator<NumberedRow>, count: number) {
  const sample: NumberedRow[] = [];
  while (sample.length < count) {
    const next = await rows.next();
    if (next.done) break;
    sample.push(next.value);
  }
  async function* all(): AsyncGenerator<NumberedRow> {
    yield* sample;
    yield* rows;
  }
  return { sample, all: all() };
}

async function markCompleted(
  client: pg.PoolClient,
  orgId: string,
  summary: IngestSummary,
  facts: { sha256: string; sizeBytes: number },
): Promise<void> {
  await client.query(
    `UPDATE uploads SET status = 'completed', status_message = NULL, format = $3, encoding = $4, sha256 = $5,
            file_size_bytes = $6, rows_read = $7, imported_count = $8, duplicate_count = $9,
            merged_leg_count = $10, rejected_count = $11, first_call_at = $12, last_call_at = $13, finished_at = now()
      WHERE id = $1 AND org_id = $2`,
    [summary.uploadId, orgId, summary.format, summary.encoding, facts.sha256, facts.sizeBytes, summary.rows,
      summary.imported, summary.duplicates, summary.mergedLegs, summary.rejected, summary.firstCallAt, summary.lastCallAt],
  );
}
