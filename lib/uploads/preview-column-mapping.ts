import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import { NotFoundError } from "@/lib/errors";
import { ColumnMappingConfig } from "@/lib/ingest/formats/column-mapping/column-mapping.schema";
import { mappedFormat } from "@/lib/ingest/formats/column-mapping/mapped-format";
import { readKeptUploadPreview } from "@/lib/uploads/kept-upload-file";

// What a mapping would make of the first rows of a kept upload, before anything is imported.

export const PREVIEW_ROWS = 12;

export type MappingPreviewRow = {
  rowNumber: number;
  /** "call", or the rejection reason code. */
  outcome: string;
  startedAt: string | null;
  destination: string | null;
  destinationCountry: string | null;
  durationSeconds: number | null;
  disposition: string | null;
};

export async function previewColumnMapping(ctx: OrgContext, uploadId: string, config: ColumnMappingConfig, dataDir: string): Promise<MappingPreviewRow[]> {
  const upload = await ctx.db.prisma.upload.findFirst({
    where: { id: uploadId, orgId: ctx.org.id, status: "needs_mapping" },
    select: { fileTimeZone: true, statementMonth: true },
  });
  if (!upload) throw new NotFoundError("This upload is not waiting for a column mapping.");
  const rows = await readKeptUploadPreview(dataDir, ctx.org.id, uploadId, PREVIEW_ROWS + config.headerRows);
  const [year, month] = (upload.statementMonth ?? "").split("-").map(Number);
  const format = mappedFormat({ id: "preview", name: "preview", headerSignature: null, config: ColumnMappingConfig.parse(config) });
  const read = format.createReader(rows.slice(0, config.headerRows), {
    fileTimeZone: upload.fileTimeZone ?? ctx.org.timeZone,
    numbers: { defaultCountry: ctx.org.countryCode, dialOutPrefix: ctx.org.dialOutPrefix },
    statementMonth: year && month ? { year, month } : null,
  });
  return rows.slice(config.headerRows).map((fields, index) => {
    const rowNumber = config.headerRows + index + 1;
    const result = read(fields, rowNumber);
    if (result.kind !== "call") {
      return { rowNumber, outcome: result.kind === "rejected" ? result.row.reasonCode : result.reason, startedAt: null, destination: null, destinationCountry: null, durationSeconds: null, disposition: null };
    }
    const call = result.record;
    return {
      rowNumber,
      outcome: "call",
      startedAt: call.startedAt.toISOString(),
      destination: call.destinationE164 ?? call.destinationRaw,
      destinationCountry: call.destinationCountry,
      durationSeconds: call.durationSeconds,
      disposition: call.disposition,
    };
  });
}
