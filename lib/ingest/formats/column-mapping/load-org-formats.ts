import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import type { CdrFormat } from "@/lib/ingest/formats/cdr-format";
import { ColumnMappingConfig } from "@/lib/ingest/formats/column-mapping/column-mapping.schema";
import { mappedFormat } from "@/lib/ingest/formats/column-mapping/mapped-format";
import { KNOWN_FORMATS } from "@/lib/ingest/formats/registry";

/** The layouts an organization's files are read with: the built-in ones and its saved mappings. */
export async function loadOrgFormats(ctx: OrgContext): Promise<CdrFormat[]> {
  const mappings = await ctx.db.prisma.columnMapping.findMany({
    where: { orgId: ctx.org.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, headerSignature: true, config: true },
  });
  const mapped = mappings.flatMap((mapping) => {
    const config = ColumnMappingConfig.safeParse(mapping.config);
    return config.success ? [mappedFormat({ ...mapping, config: config.data })] : [];
  });
  return [...KNOWN_FORMATS, ...mapped];
}
