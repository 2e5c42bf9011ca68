import { NotFoundError } from "@/lib/errors";
import { orgRoute } from "@/lib/http/org-route";
import { getUploadStatus } from "@/lib/queries/upload-status";

export const dynamic = "force-dynamic";

/** An upload's status and progress, polled while it is imported (by the browser, or by a machine with an ingest key). */
export const GET = orgRoute<{ orgId: string; uploadId: string }>(["read", "upload"], async (ctx, _request, { uploadId }) => {
  const status = await getUploadStatus(ctx, uploadId);
  if (!status) throw new NotFoundError("Upload not found.");
  return Response.json(status);
});
