import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { bearerToken, orgContextForApiKeyAlone } from "@/lib/api-keys/api-keys";
import { requirePermission, type Database } from "@/lib/db/org-context";
import { ForbiddenError, InvalidInputError, PayloadTooLargeError, UnauthorizedError } from "@/lib/errors";
import { takePushSlot } from "@/lib/ingest-api/push-rate-limit";
import { createUpload } from "@/lib/uploads/create-upload";
import { ingestUpload, type IngestSummary } from "@/lib/ingest/run-ingest";
import { getUploadFlags, type UploadFlags } from "@/lib/queries/upload-flags";
import { jsonCallsToCsv } from "@/lib/ingest-api/json-calls-to-csv";

// POST /api/v1/cdrs: a machine pushes the CDRs its PBX wrote since the last push, as CSV in any
// layout Tollwatch recognises (or a saved mapping), authenticated by an organization API key. It is
// an upload like any other (a JSON array of calls is turned into Tollwatch's own CSV layout first) — same pipeline, same de-duplication (pushing a call twice stores it
// once), detection on the days touched — answered with the counts and what is flagged.

export class RateLimitedError extends Error {
  override name = "RateLimitedError";
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many pushes with this key: wait ${retryAfterSeconds} s. Send larger batches less often.`);
  }
}

export type PushResult = { summary: IngestSummary; flags: UploadFlags };

export type PushOptions = { maxBytes: number; dataDir: string | null };

/** JSON bodies are parsed whole, so they are capped lower than CSV, which streams. */
export const MAX_JSON_BYTES = 20 * 1024 ** 2;

export async function receivePushedCdrs(db: Database, request: Request, options: PushOptions): Promise<PushResult> {
  const bearer = bearerToken(request);
  if (!bearer) throw new UnauthorizedError("Send an organization API key as Authorization: Bearer tw_….");
  const ctx = await orgContextForApiKeyAlone(db, bearer);
  requirePermission(ctx, "upload");
  const url = new URL(request.url);
  const org = url.searchParams.get("org");
  if (org && org !== ctx.org.slug && org !== ctx.org.id) throw new ForbiddenError("This API key belongs to another organization.");
  if (ctx.actor.kind === "api-key") {
    const waitMs = takePushSlot(ctx.actor.keyId);
    if (waitMs > 0) throw new RateLimitedError(Math.ceil(waitMs / 1000));
  }
  const mediaType = (request.headers.get("content-type") ?? "text/csv").split(";")[0].trim().toLowerCase();
  const isJson = mediaType === "application/json";
  if (!isJson && !/^(text\/(csv|plain)|application\/(octet-stream|csv))$/.test(mediaType)) {
    throw new InvalidInputError("Send CDRs as CSV (Content-Type: text/csv) in the layout the PBX or carrier writes, or as a JSON array of calls (Content-Type: application/json).", "unsupported_media_type");
  }
  const maxBytes = isJson ? Math.min(options.maxBytes, MAX_JSON_BYTES) : options.maxBytes;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new PayloadTooLargeError(`The request body is larger than the limit of ${maxBytes.toLocaleString("en")} bytes: send smaller batches.`);
  if (!request.body) throw new InvalidInputError("The request carries no CDRs.", "empty_file");
  const json = isJson ? jsonCallsToCsv(await readText(request.body, maxBytes)) : null;
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const upload = await createUpload(ctx, {
    fileName: (url.searchParams.get("name") ?? `push-${stamp}.${isJson ? "json" : "csv"}`).slice(0, 200),
    expectedBytes: json ? Buffer.byteLength(json.csv) : declared > 0 ? declared : undefined,
    fileTimeZone: url.searchParams.get("fileTimeZone") ?? undefined,
    formatId: json ? "tollwatch-calls" : (url.searchParams.get("format") ?? undefined),
  });
  const source = json ? Readable.from([Buffer.from(json.csv)]) : Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  const summary = await ingestUpload(ctx, upload.id, { source, maxBytes: options.maxBytes, declaredBytes: json ? undefined : declared || undefined, dataDir: options.dataDir });
  return { summary, flags: await getUploadFlags(ctx, summary) };
}

/** The whole body as UTF-8 text, refused once it passes `maxBytes` (a missing or false Content-Length). */
async function readText(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new PayloadTooLargeError(`The request body is larger than the limit of ${maxBytes.toLocaleString("en")} bytes: send smaller batches.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
