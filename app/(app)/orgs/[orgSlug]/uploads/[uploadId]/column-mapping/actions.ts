"use server";

import { redirect } from "next/navigation";
import { getEnv } from "@/lib/env";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { orgContextForAction } from "@/lib/http/page-org-context";
import { ColumnMappingConfig, SaveColumnMappingInput } from "@/lib/ingest/formats/column-mapping/column-mapping.schema";
import { MAPPING_FORMAT_PREFIX } from "@/lib/ingest/formats/column-mapping/mapped-format";
import { importKeptUpload } from "@/lib/uploads/import-kept-upload";
import { readKeptUploadPreview } from "@/lib/uploads/kept-upload-file";
import { previewColumnMapping, type MappingPreviewRow } from "@/lib/uploads/preview-column-mapping";
import { saveColumnMapping } from "@/lib/uploads/save-column-mapping";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string };

export async function previewColumnMappingAction(orgSlug: string, uploadId: string, config: unknown): Promise<ActionResult<MappingPreviewRow[]>> {
  const parsed = ColumnMappingConfig.safeParse(config);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid mapping." };
  return asResult(async () => {
    const ctx = await orgContextForAction(orgSlug, "upload");
    return previewColumnMapping(ctx, uploadId, parsed.data, getEnv().dataDir);
  });
}

export async function importWithColumnMappingAction(orgSlug: string, uploadId: string, input: unknown): Promise<ActionResult<never>> {
  const parsed = SaveColumnMappingInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid mapping." };
  const result = await asResult(async () => {
    const ctx = await orgContextForAction(orgSlug, "upload");
    const { dataDir, TOLLWATCH_UPLOAD_MAX_BYTES: maxBytes } = getEnv();
    const [headerRow] = await readKeptUploadPreview(dataDir, ctx.org.id, uploadId, 1);
    const mapping = await saveColumnMapping(ctx, parsed.data, headerRow ?? null);
    await importKeptUpload(ctx, uploadId, `${MAPPING_FORMAT_PREFIX}${mapping.id}`, { dataDir, maxBytes });
    return ctx.org.slug;
  });
  if (!result.ok) return result;
  redirect(`/orgs/${result.data}/uploads/${uploadId}`);
}

async function asResult<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof InvalidInputError || error instanceof NotFoundError || error instanceof ForbiddenError) return { ok: false, error: error.message };
    throw error;
  }
}
