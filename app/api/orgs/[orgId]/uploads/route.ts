import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { getDatabase } from "@/lib/db/database";
import { loadOrgContext, LOCAL_OPERATOR } from "@/lib/db/org-context";
import { getEnv } from "@/lib/env";
import { InvalidInputError, PayloadTooLargeError } from "@/lib/errors";
import { monthOfInstant } from "@/lib/format/month";
import { handleRoute } from "@/lib/http/responses";
import { runIngest } from "@/lib/ingest/run-ingest";
import { UploadQuery } from "@/lib/uploads/upload-query.schema";

// POST the file itself as the body; it streams into the pipeline, never whole in memory.
export async function POST(request: Request, { params }: { params: Promise<{ orgId: string }> }) {
  return handleRoute(async () => {
    const query = UploadQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new InvalidInputError("fileName is required (and fileTimeZone, when given, must be an IANA zone).");
    const ctx = await loadOrgContext(getDatabase(), { id: (await params).orgId }, LOCAL_OPERATOR);
    const { TOLLWATCH_UPLOAD_MAX_BYTES: maxBytes } = getEnv();
    if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw new PayloadTooLargeError(`The file is larger than the limit of ${maxBytes} bytes.`);
    if (!request.body) throw new InvalidInputError("The request carries no file.", "empty_file");
    const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
    const summary = await runIngest(ctx, { source, fileName: query.data.fileName, fileTimeZone: query.data.fileTimeZone, maxBytes });
    const overviewMonth = summary.firstCallAt ? monthOfInstant(new Date(summary.firstCallAt), ctx.org.timeZone) : null;
    return Response.json({ summary, overviewMonth }, { status: 201 });
  });
}
