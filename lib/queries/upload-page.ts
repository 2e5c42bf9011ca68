import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import { MAPPING_FORMAT_PREFIX } from "@/lib/ingest/formats/column-mapping/mapped-format";
import { findFormat } from "@/lib/ingest/formats/registry";

// Read model of one upload's page: the file, what became of its rows, and the rejected ones.

export async function getUploadDetails(ctx: OrgContext, uploadId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(uploadId)) return null;
  const upload = await ctx.db.prisma.upload.findFirst({
    where: { id: uploadId, orgId: ctx.org.id },
    select: {
      id: true, fileName: true, fileSizeBytes: true, sha256: true, format: true, encoding: true, status: true, statusMessage: true,
      rowsRead: true, importedCount: true, duplicateCount: true, mergedLegCount: true, rejectedCount: true, skippedCount: true,
      legPolicy: true, fileTimeZone: true, statementMonth: true, firstCallAt: true, lastCallAt: true, createdAt: true, finishedAt: true,
    },
  });
  if (!upload) return null;
  return { ...upload, fileSizeBytes: Number(upload.fileSizeBytes), formatLabel: await formatLabel(ctx, upload.format) };
}

/** A format's name for people: a built-in layout's label, or a saved mapping's name. */
async function formatLabel(ctx: OrgContext, formatId: string | null): Promise<string | null> {
  if (!formatId) return null;
  if (!formatId.startsWith(MAPPING_FORMAT_PREFIX)) return findFormat(formatId)?.label ?? formatId;
  const id = formatId.slice(MAPPING_FORMAT_PREFIX.length);
  const mapping = /^[0-9a-f-]{36}$/i.test(id) ? await ctx.db.prisma.columnMapping.findFirst({ where: { id, orgId: ctx.org.id }, select: { name: true } }) : null;
  return mapping?.name ?? formatId;
}

export type RejectedRowView = { rowNumber: number; reasonCode: string; detail: string | null; rawLine: string };

/** Rejected rows in file order, `limit` at a time after `afterRowNumber`. */
export async function listRejectedRows(ctx: OrgContext, uploadId: string, options: { limit: number; afterRowNumber?: number }): Promise<RejectedRowView[]> {
  return ctx.db.prisma.rejectedRow.findMany({
    where: { orgId: ctx.org.id, uploadId, rowNumber: { gt: options.afterRowNumber ?? 0 } },
    orderBy: { rowNumber: "asc" },
    take: options.limit,
    select: { rowNumber: true, reasonCode: true, detail: true, rawLine: true },
  });
}
