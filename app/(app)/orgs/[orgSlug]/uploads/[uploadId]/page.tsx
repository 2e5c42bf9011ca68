import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CdrText } from "@/components/ui/cdr-text";
import { RejectedRowsTable } from "@/components/uploads/rejected-rows-table";
import { UploadFlagsNotice } from "@/components/uploads/upload-flags-notice";
import { UploadSummaryList } from "@/components/uploads/upload-summary-list";
import { DeleteUploadForm } from "@/components/uploads/delete-upload-form";
import { hasPermission } from "@/lib/db/org-context";
import { orgContextForPage } from "@/lib/http/page-org-context";
import { getUploadFlags } from "@/lib/queries/upload-flags";
import { getUploadDetails, listRejectedRows } from "@/lib/queries/upload-page";
import { deleteUploadAction } from "./actions";

const SHOWN_REJECTED_ROWS = 200;

export default async function UploadPage({ params }: { params: Promise<{ orgSlug: string; uploadId: string }> }) {
  const { orgSlug, uploadId } = await params;
  const ctx = await orgContextForPage(orgSlug);
  const upload = await getUploadDetails(ctx, uploadId);
  if (!upload) notFound();
  const rejected = await listRejectedRows(ctx, upload.id, { limit: SHOWN_REJECTED_ROWS });
  const flags = upload.status === "completed" ? await getUploadFlags(ctx, upload) : null;
  const t = await getTranslations("uploadDetail");
  const statuses = await getTranslations("uploads.statuses");
  const reasons = await getTranslations("rejectionReasons");
  const mapping = await getTranslations("columnMapping");
  const format = await getFormatter();
  const facts: [string, string][] = [
    [t("status"), statuses(upload.status)],
    [t("uploadedAt"), format.dateTime(upload.createdAt, { dateStyle: "medium", timeStyle: "medium", timeZone: ctx.org.timeZone })],
    [t("size"), t("bytes", { size: format.number(upload.fileSizeBytes) })],
    [t("sha256"), upload.sha256 ?? "–"],
    [t("fileTimeZone"), upload.fileTimeZone ?? ctx.org.timeZone],
    ...(upload.statementMonth ? [[t("statementMonth"), upload.statementMonth] as [string, string]] : []),
  ];

  return (
    <>
      <PageHeader title={upload.fileName} description={t("file")} />
      <div className="space-y-6">
        <Card>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-600">{label}</dt>
                <dd className="break-all font-medium">{value}</dd>
              </div>
            ))}
          </dl>
          {upload.status === "needs_mapping" ? (
            <div className="mt-4 flex flex-wrap items-center gap-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
              <span>{mapping("waiting")}</span>
              <ButtonLink href={`/orgs/${ctx.org.slug}/uploads/${upload.id}/column-mapping`}>{mapping("mapColumns")}</ButtonLink>
            </div>
          ) : upload.statusMessage ? (
            <p role="status" className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"><CdrText text={upload.statusMessage} /></p>
          ) : null}
        </Card>
        {upload.status === "completed" && upload.format && upload.encoding ? (
          <Card title={t("summaryTitle")}>
            {flags ? <UploadFlagsNotice flags={flags} orgSlug={ctx.org.slug} /> : null}
            <UploadSummaryList
              timeZone={ctx.org.timeZone}
              summary={{
                uploadId: upload.id,
                format: upload.format,
                formatLabel: upload.formatLabel ?? upload.format,
                encoding: upload.encoding,
                legPolicy: upload.legPolicy === "grouped-by-call-id" ? "grouped-by-call-id" : "one-row-per-call",
                rows: upload.rowsRead,
                imported: upload.importedCount,
                duplicates: upload.duplicateCount,
                mergedLegs: upload.mergedLegCount,
                rejected: upload.rejectedCount,
                skipped: upload.skippedCount,
                firstCallAt: upload.firstCallAt?.toISOString() ?? null,
                lastCallAt: upload.lastCallAt?.toISOString() ?? null,
              }}
            />
          </Card>
        ) : null}
        <Card title={t("rejectedTitle")}>
          <p className="mb-3 text-sm text-slate-600">{upload.rejectedCount > 0 ? t("rejectedIntro") : t("rejectedNone")}</p>
          {upload.rejectedCount > 0 ? (
            <>
              <RejectedRowsTable
                rows={rejected.map((row) => ({ ...row, reason: reasons.has(row.reasonCode as never) ? reasons(row.reasonCode as never) : row.reasonCode }))}
                labels={{ rowNumber: t("rowNumber"), reason: t("reason"), detail: t("detail"), rawLine: t("rawLine") }}
              />
              <p className="mt-3 text-sm text-slate-600">{upload.rejectedCount > rejected.length ? t("showingFirst", { shown: rejected.length, total: upload.rejectedCount }) : null}</p>
              <a className="mt-2 inline-block text-sm font-medium text-brand-700 underline" href={`/api/orgs/${ctx.org.id}/uploads/${upload.id}/rejected-rows`} download>
                {t("downloadRejected")}
              </a>
            </>
          ) : null}
        </Card>
        {hasPermission(ctx.actor, "settings") && upload.status !== "processing" && upload.status !== "pending" ? (
          <Card title={t("deleteTitle")}>
            <DeleteUploadForm action={deleteUploadAction.bind(null, orgSlug, upload.id)} calls={upload.importedCount} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
