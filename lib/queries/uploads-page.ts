import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import type { UploadStatus } from "@/lib/generated/prisma/enums";

export type UploadRow = {
  id: string;
  fileName: string;
  createdAt: Date;
  format: string | null;
  encoding: string | null;
  status: UploadStatus;
  statusMessage: string | null;
  rowsRead: number;
  importedCount: number;
  duplicateCount: number;
  mergedLegCount: number;
  rejectedCount: number;
  /** While processing: rows expected from the bytes announced and read so far. */
  rowsEstimate: number | null;
};

export async function listUploads(ctx: OrgContext): Promise<UploadRow[]> {
  return ctx.db.prisma.upload.findMany({
    where: { orgId: ctx.org.id },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true, fileName: true, createdAt: true, format: true, encoding: true, status: true, statusMessage: true,
      rowsRead: true, importedCount: true, duplicateCount: true, mergedLegCount: true, rejectedCount: true, rowsEstimate: true,
    },
  });
}
