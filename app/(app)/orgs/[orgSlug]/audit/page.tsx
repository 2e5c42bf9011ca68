import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { CdrText } from "@/components/ui/cdr-text";
import { orgContextForPage } from "@/lib/http/page-org-context";
import { getAuditPage } from "@/lib/queries/audit-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

// Owners and administrators only. Details are CDR-independent values, shown as inert text.
export default async function AuditPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ before?: string }> }) {
  const { orgSlug } = await params;
  const ctx = await orgContextForPage(orgSlug, "audit");
  const { before } = await searchParams;
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const { entries, nextBefore } = await getAuditPage(ctx, before);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        {entries.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-2 font-medium">{t("when")}</th>
                <th scope="col" className="py-2 font-medium">{t("who")}</th>
                <th scope="col" className="py-2 font-medium">{t("action")}</th>
                <th scope="col" className="py-2 font-medium">{t("details")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="whitespace-nowrap py-2 pr-3">{format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "medium", timeZone: ctx.org.timeZone })}</td>
                  <td className="py-2 pr-3">{entry.actor ?? t("system")}</td>
                  <td className="py-2 pr-3 font-mono text-xs">{entry.action}</td>
                  <td className="max-w-md break-words py-2 font-mono text-xs text-slate-600">{Object.keys(entry.details).length > 0 ? <CdrText text={JSON.stringify(entry.details)} /> : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {nextBefore ? <Link href={`?before=${nextBefore}`} className="mt-4 inline-block text-sm text-brand-700 hover:underline">{t("more")}</Link> : null}
      </Card>
    </>
  );
}
