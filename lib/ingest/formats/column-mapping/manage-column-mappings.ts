import "server-only";
import { actorUserId, requirePermission, type OrgContext } from "@/lib/db/org-context";
import { NotFoundError } from "@/lib/errors";

// The organization's saved column mappings as the settings page lists them, and their removal
// (imports already made with one keep their calls; a later file with that header needs mapping again).

export type SavedMappingView = { id: string; name: string; columns: number | null; createdAt: Date; uploads: number };

export async function listSavedMappings(ctx: OrgContext): Promise<SavedMappingView[]> {
  requirePermission(ctx, "settings");
  const mappings = await ctx.db.prisma.columnMapping.findMany({ where: { orgId: ctx.org.id }, orderBy: { name: "asc" }, select: { id: true, name: true, headerSignature: true, createdAt: true } });
  const uploads = await ctx.db.prisma.upload.groupBy({ by: ["format"], where: { orgId: ctx.org.id, format: { in: mappings.map((mapping) => `mapping:${mapping.id}`) } }, _count: true });
  const usage = new Map(uploads.map((row) => [row.format, row._count]));
  return mappings.map((mapping) => ({
    id: mapping.id,
    name: mapping.name,
    columns: mapping.headerSignature ? mapping.headerSignature.split("|").length : null,
    createdAt: mapping.createdAt,
    uploads: usage.get(`mapping:${mapping.id}`) ?? 0,
  }));
}

export async function deleteSavedMapping(ctx: OrgContext, mappingId: string): Promise<void> {
  requirePermission(ctx, "settings");
  const { count } = await ctx.db.prisma.columnMapping.deleteMany({ where: { id: mappingId, orgId: ctx.org.id } });
  if (count === 0) throw new NotFoundError("Column mapping not found.");
  await ctx.db.prisma.auditLog.create({ data: { orgId: ctx.org.id, actorUserId: actorUserId(ctx.actor), action: "column_mapping.deleted", targetType: "column_mapping", targetId: mappingId } });
}
