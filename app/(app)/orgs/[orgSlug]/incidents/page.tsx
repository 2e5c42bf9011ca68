import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { orgContextForPage } from "@/lib/http/page-org-context";
import { listIncidents } from "@/lib/queries/incident-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incident"))("listTitle") };
}

export default async function IncidentsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const ctx = await orgContextForPage((await params).orgSlug);
  const t = await getTranslations("incident");
  const tSeverity = await getTranslations("overview.severities");
  const format = await getFormatter();
  const regions = new Intl.DisplayNames([await getLocale()], { type: "region" });
  const incidents = await listIncidents(ctx);
  const when = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short", timeZone: ctx.org.timeZone });
  return (
    <>
      <PageHeader title={t("listTitle")} description={t("listIntro")} />
      <Card>
        {incidents.length === 0 ? (
          <p className="text-sm text-slate-600">{t("listEmpty")}</p>
        ) : (
          <table className="w-full text-left text-sm" data-table="incidents">
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">{t("period")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("severity")}</th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">{t("calls")}</th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">{t("cost")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("destinations")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("status")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {incidents.map((incident) => (
                <tr key={incident.id} data-incident={incident.id}>
                  <td className="py-2 pr-3"><Link href={`/orgs/${ctx.org.slug}/incidents/${incident.id}`} className="text-brand-700 hover:underline">{when(incident.firstCallAt)} – {when(incident.lastCallAt)}</Link></td>
                  <td className="py-2 pr-3"><SeverityBadge severity={incident.severity} label={tSeverity(incident.severity)} /></td>
                  <td className="py-2 pr-3 text-right tabular-nums">{format.number(incident.calls)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{format.number(incident.estimatedCost, { style: "currency", currency: incident.currency, maximumFractionDigits: 0 })}</td>
                  <td className="py-2 pr-3">{incident.destinations.length === 0 ? "—" : incident.destinations.slice(0, 3).map(([code, calls]) => `${/^[A-Z]{2}$/.test(code) && code !== "ZZ" ? regions.of(code) : t("unknownCountry")} ${format.number(calls)}`).join(", ")}</td>
                  <td className="py-2 pr-3">{t(`statuses.${incident.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
