import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CdrText } from "@/components/ui/cdr-text";
import { RefreshWhile } from "@/components/ui/refresh-while";
import { mayUpload, orgContextForPage } from "@/lib/http/page-org-context";
import { listUploads } from "@/lib/queries/uploads-page";
import { failStaleUploads } from "@/lib/uploads/fail-stale-uploads";

export default async function UploadsPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ deleted?: string; calls?: string }> }) {
  const ctx = await orgContextForPage((await params).orgSlug);
  const { deleted, calls: deletedCalls } = await searchParams;
  await failStaleUploads(ctx.db, { orgId: ctx.org.id });
  const uploads = await listUploads(ctx);
  const t = await getTranslations("uploads");
  const nav = await getTranslations("nav");
  const detail = await getTranslations("uploadDetail");
  const format = await getFormatter();
  const cell = "px-3 py-2";
  const numberCell = `${cell} text-right tabular-nums`;
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} actions={mayUpload(ctx) ? <ButtonLink href={`/orgs/${ctx.org.slug}/uploads/new`}>{nav("newUpload")}</ButtonLink> : undefined} />
      <RefreshWhile active={uploads.some((upload) => upload.status === "processing" || upload.status === "pending")} seconds={2} />
      {deleted ? <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">{detail("deleted", { name: deleted.slice(0, 200), calls: Number(deletedCalls) || 0 })}</p> : null}
      <Card>
        {uploads.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-table="uploads">
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  <th scope="col" className={cell}>{t("file")}</th>
                  <th scope="col" className={cell}>{t("uploadedAt")}</th>
                  <th scope="col" className={cell}>{t("format")}</th>
                  <th scope="col" className={cell}>{t("encoding")}</th>
                  <th scope="col" className={`${cell} text-right`}>{t("rows")}</th>
                  <th scope="col" className={`${cell} text-right`}>{t("imported")}</th>
                  <th scope="col" className={`${cell} text-right`}>{t("duplicates")}</th>
                  <th scope="col" className={`${cell} text-right`}>{t("mergedLegs")}</th>
                  <th scope="col" className={`${cell} text-right`}>{t("rejected")}</th>
                  <th scope="col" className={cell}>{t("status")}</th>
                </tr>
              </thead>
              <tbody>
                {uploads.map((upload) => (
                  <tr key={upload.id} className="border-b border-slate-100 align-top">
                    <th scope="row" className={`${cell} max-w-64 break-all text-left font-medium`}>
                      <Link className="text-brand-700 hover:underline" href={`/orgs/${ctx.org.slug}/uploads/${upload.id}`}><CdrText text={upload.fileName} /></Link>
                    </th>
                    <td className={cell}>{format.dateTime(upload.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: ctx.org.timeZone })}</td>
                    <td className={cell}>{upload.format ?? "–"}</td>
                    <td className={cell}>{upload.encoding ?? "–"}</td>
                    <td className={numberCell} data-rows-read={upload.rowsRead}>
                      {format.number(upload.rowsRead)}
                      {upload.status === "processing" && upload.rowsEstimate ? <span className="block text-xs text-slate-500">{t("ofAbout", { estimate: format.number(upload.rowsEstimate) })}</span> : null}
                    </td>
                    <td className={numberCell}>{format.number(upload.importedCount)}</td>
                    <td className={numberCell}>{format.number(upload.duplicateCount)}</td>
                    <td className={numberCell}>{format.number(upload.mergedLegCount)}</td>
                    <td className={numberCell}>{format.number(upload.rejectedCount)}</td>
                    <td className={cell}>
                      <span className={upload.status === "failed" ? "font-medium text-red-700" : ""}>{t(`statuses.${upload.status}`)}</span>
                      {upload.statusMessage ? <p className="mt-1 max-w-72 text-xs text-slate-600"><CdrText text={upload.statusMessage} /></p> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
