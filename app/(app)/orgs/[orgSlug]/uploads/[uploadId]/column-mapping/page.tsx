import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { ColumnMappingForm } from "@/components/uploads/column-mapping-form";
import { getEnv } from "@/lib/env";
import { guessColumnMapping } from "@/lib/ingest/formats/column-mapping/guess-column-mapping";
import { orgContextForPage } from "@/lib/http/page-org-context";
import { getUploadDetails } from "@/lib/queries/upload-page";
import { readKeptUploadPreview } from "@/lib/uploads/kept-upload-file";
import { PREVIEW_ROWS } from "@/lib/uploads/preview-column-mapping";
import { importWithColumnMappingAction, previewColumnMappingAction } from "./actions";

export default async function ColumnMappingPage({ params }: { params: Promise<{ orgSlug: string; uploadId: string }> }) {
  const { orgSlug, uploadId } = await params;
  const ctx = await orgContextForPage(orgSlug, "upload");
  const upload = await getUploadDetails(ctx, uploadId);
  if (!upload || upload.status !== "needs_mapping") notFound();
  const rows = await readKeptUploadPreview(getEnv().dataDir, ctx.org.id, upload.id, PREVIEW_ROWS);
  const t = await getTranslations("columnMapping");
  return (
    <>
      <PageHeader title={t("title", { file: upload.fileName })} description={t("intro")} />
      <Card>
        <ColumnMappingForm
          rows={rows}
          initial={guessColumnMapping(rows)}
          defaultName={upload.fileName.replace(/\.[^.]+$/, "")}
          orgTimeZone={upload.fileTimeZone ?? ctx.org.timeZone}
          preview={previewColumnMappingAction.bind(null, ctx.org.slug, upload.id)}
          save={importWithColumnMappingAction.bind(null, ctx.org.slug, upload.id)}
        />
      </Card>
    </>
  );
}
