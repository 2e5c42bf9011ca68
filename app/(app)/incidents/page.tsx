import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/database";
import { listOpenIncidents } from "@/lib/queries/open-incidents";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("openIncidents"))("title") };
}

// Open incidents across every organization the user belongs to.
export default async function OpenIncidentsPage() {
  const user = await requireUser("/incidents");
  const t = await getTranslations("openIncidents");
  const tSeverity = await getTranslations("overview.severities");
  const format = await getFormatter();
  const regions = new Intl.DisplayNames([await getLocale()], { type: "region" });
  const incidents = await listOpenIncidents(getDatabase(), user.id);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        {incidents.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <table className="w-full text-left text-sm" data-table="open-incidents">
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">{t("organization")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("severity")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("period")}</th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">{t("calls")}</th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">{t("cost")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("destinations")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("status")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {incidents.map((incident) => {
                const when = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short", timeZone: incident.timeZone });
                return (
                  <tr key={incident.id} data-incident={incident.id}>
                    <td className="py-2 pr-3"><Link href={`/orgs/${incident.orgSlug}`} className="font-medium text-brand-700 hover:underline">{incident.orgName}</Link></td>
                    <td className="py-2 pr-3"><SeverityBadge severity={incident.severity} label={tSeverity(incident.severity)} /></td>
                    <td className="py-2 pr-3"><Link href={`/orgs/${incident.orgSlug}/incidents/${incident.id}`} className="text-brand-700 hover:underline">{when(incident.firstCallAt)} – {when(incident.lastCallAt)}</Link></td>
                    <td className="py-2 pr-3 text-right tabular-nums">{format.number(incident.calls)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{format.number(incident.estimatedCost, { style: "currency", currency: incident.currency, maximumFractionDigits: 0 })}</td>
                    <td className="py-2 pr-3">{incident.destinations.length === 0 ? "—" : incident.destinations.slice(0, 3).map(([country, calls]) => `${/^[A-Z]{2}$/.test(country) && country !== "ZZ" ? regions.of(country) : t("unknownCountry")} ${format.number(calls)}`).join(", ")}</td>
                    <td className="py-2">{t(`statuses.${incident.status}`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
