import "server-only";
import { requirePermission, type OrgContext } from "@/lib/db/org-context";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { ingestUpload, type IngestSummary } from "@/lib/ingest/run-ingest";
import { keptUploadBytes } from "@/lib/uploads/kept-upload-file";

/** Imports an upload that waited for its columns to be mapped, from its kept file, as `formatId`. */
export async function importKeptUpload(ctx: OrgContext, uploadId: string, formatId: string, options: { dataDir: string; maxBytes: number }): Promise<IngestSummary> {
  requirePermission(ctx, "upload");
  const upload = await ctx.db.prisma.upload.findFirst({ where: { id: uploadId, orgId: ctx.org.id }, select: { status: true } });
  if (!upload) throw new NotFoundError("Upload not found.");
  if (upload.status !== "needs_mapping") throw new InvalidInputError("This upload is not waiting for a column mapping.", "upload_not_waiting");
  await ctx.db.prisma.upload.update({ where: { id: uploadId, orgId: ctx.org.id }, data: { status: "pending", format: formatId, statusMessage: null } });
  // The file is already kept: read it back, and do not write it again.
  return ingestUpload(ctx, uploadId, { source: keptUploadBytes(options.dataDir, ctx.org.id, uploadId), maxBytes: options.maxBytes, dataDir: null });
}
