import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { getEnv } from "@/lib/env";
import { InvalidInputError } from "@/lib/errors";
import { orgRoute } from "@/lib/http/org-route";
import { ingestUpload } from "@/lib/ingest/run-ingest";
import { getUploadFlags } from "@/lib/queries/upload-flags";

// Step 2 of an upload: the file itself as the body, streamed into the pipeline, never whole in memory.
// The answer says what was imported and what detection flagged in those calls.
export const PUT = orgRoute<{ orgId: string; uploadId: string }>("upload", async (ctx, request, { uploadId }) => {
  const { TOLLWATCH_UPLOAD_MAX_BYTES: maxBytes, dataDir } = getEnv();
  if (!request.body) throw new InvalidInputError("The request carries no file.", "empty_file");
  const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  const declaredBytes = Number(request.headers.get("content-length") ?? 0) || undefined;
  const summary = await ingestUpload(ctx, uploadId, { source, maxBytes, declaredBytes, dataDir });
  const flags = await getUploadFlags(ctx, summary);
  return Response.json({ summary, flags });
});
