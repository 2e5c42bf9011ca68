import { NotFoundError } from "@/lib/errors";
import { orgRoute } from "@/lib/http/org-route";
import { streamRejectedRowsCsv } from "@/lib/uploads/stream-rejected-rows-csv";
import { getUploadDetails } from "@/lib/queries/upload-page";

export const dynamic = "force-dynamic";

/** Every rejected row of an upload as CSV (formula-safe), streamed page by page. */
export const GET = orgRoute<{ orgId: string; uploadId: string }>(["read", "upload"], async (ctx, _request, { uploadId }) => {
  const upload = await getUploadDetails(ctx, uploadId);
  if (!upload) throw new NotFoundError("Upload not found.");
  return new Response(streamRejectedRowsCsv(ctx, upload.id), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="rejected-rows-${upload.id}.csv"`,
    },
  });
});
