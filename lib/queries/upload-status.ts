import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import type { UploadStatus } from "@/lib/generated/prisma/enums";

export type UploadStatusView = {
  id: string;
  status: UploadStatus;
  statusMessage: string | null;
  expectedBytes: number | null;
  bytesReceived: number;
  rowsRead: number;
  rowsEstimate: number | null;
};

export async function getUploadStatus(ctx: OrgContext, uploadId: string): Promise<UploadStatusView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(uploadId)) return null;
  const upload = await ctx.db.prisma.upload.findFirst({
    where: { id: uploadId, orgId: ctx.org.id },
    select: { id: true, status: true, statusMessage: true, expectedBytes: true, bytesReceived: true, rowsRead: true, rowsEstimate: true },
  });
  if (!upload) return null;
  return {
    ...upload,
    expectedBytes: upload.expectedBytes === null ? null : Number(upload.expectedBytes),
    bytesReceived: Number(upload.bytesReceived),
  };
}
