import "server-only";
import { requirePermission, type OrgContext } from "@/lib/db/org-context";
import { InvalidInputError } from "@/lib/errors";
import { SaveColumnMappingInput } from "@/lib/ingest/formats/column-mapping/column-mapping.schema";
import { headerSignature } from "@/lib/ingest/formats/column-mapping/mapped-format";
import { isKnownTimeZone } from "@/lib/ingest/normalize/call-time";

/** Saves (or replaces, by name) a column mapping; with a header row it will recognise later files. */
export async function saveColumnMapping(ctx: OrgContext, input: SaveColumnMappingInput, headerRow: string[] | null): Promise<{ id: string }> {
  requirePermission(ctx, "upload");
  const parsed = SaveColumnMappingInput.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]?.message ?? "Invalid mapping.", "invalid_mapping");
  const { name, config } = parsed.data;
  if (config.timeZone && !isKnownTimeZone(config.timeZone)) throw new InvalidInputError(`Unknown time zone: ${config.timeZone}`, "unknown_time_zone");
  const signature = config.headerRows > 0 && headerRow ? headerSignature(headerRow) : null;
  return ctx.db.prisma.columnMapping.upsert({
    where: { orgId_name: { orgId: ctx.org.id, name } },
    create: { orgId: ctx.org.id, name, headerSignature: signature, config },
    update: { headerSignature: signature, config },
    select: { id: true },
  });
}
