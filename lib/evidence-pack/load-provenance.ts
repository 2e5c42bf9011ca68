import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import type { EvidenceCall, EvidenceUpload } from "@/lib/evidence-pack/evidence-pack";

// Provenance: every file the incident's calls came from, with what the pipeline did with its rows,
// so each call in the pack traces to a line of a file whose SHA-256 anyone can recompute.

export async function loadProvenance(ctx: OrgContext, calls: readonly Pick<EvidenceCall, "uploadId">[]): Promise<EvidenceUpload[]> {
  const callsPerUpload = new Map<string, number>();
  for (const call of calls) callsPerUpload.set(call.uploadId, (callsPerUpload.get(call.uploadId) ?? 0) + 1);
  const uploads = await ctx.db.prisma.upload.findMany({
    where: { orgId: ctx.org.id, id: { in: [...callsPerUpload.keys()] } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, fileName: true, fileSizeBytes: true, sha256: true, format: true, encoding: true, createdAt: true, rowsRead: true,
      importedCount: true, duplicateCount: true, mergedLegCount: true, rejectedCount: true, uploadedBy: { select: { name: true } },
    },
  });
  return uploads.map((upload) => ({
    id: upload.id,
    fileName: upload.fileName,
    sizeBytes: Number(upload.fileSizeBytes),
    sha256: upload.sha256,
    format: upload.format,
    encoding: upload.encoding,
    uploadedAt: upload.createdAt,
    uploader: upload.uploadedBy?.name ?? null,
    rowsRead: upload.rowsRead,
    imported: upload.importedCount,
    duplicates: upload.duplicateCount,
    mergedLegs: upload.mergedLegCount,
    rejected: upload.rejectedCount,
    callsInPack: callsPerUpload.get(upload.id) ?? 0,
  }));
}
