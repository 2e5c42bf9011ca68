import { getDatabase } from "@/lib/db/database";
import { getEnv } from "@/lib/env";
import { InvalidInputError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/responses";
import { RateLimitedError, receivePushedCdrs } from "@/lib/ingest-api/receive-pushed-cdrs";

export const dynamic = "force-dynamic";

// The ingest API (README "Sending CDRs continuously"; docs/openapi.yaml). Bearer API keys only —
// no cookies — so no cross-site request can use it on anyone's behalf.
export async function POST(request: Request): Promise<Response> {
  const env = getEnv();
  try {
    const result = await receivePushedCdrs(getDatabase(), request, { maxBytes: env.TOLLWATCH_PUSH_MAX_BYTES, dataDir: env.dataDir });
    return Response.json(result);
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return Response.json({ error: { code: "rate_limited", message: error.message } }, { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } });
    }
    if (error instanceof InvalidInputError && error.code === "unsupported_media_type") return Response.json({ error: { code: error.code, message: error.message } }, { status: 415 });
    if (error instanceof InvalidInputError && (error.code === "needs_mapping" || error.code === "unknown_format")) {
      return Response.json({ error: { code: error.code, message: `${error.message} Map its columns once in the browser (Uploads), or name a format with ?format=.` } }, { status: 422 });
    }
    return errorResponse(error);
  }
}
