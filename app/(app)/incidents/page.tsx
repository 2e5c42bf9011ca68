import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IncidentsTable } from "@/components/incidents/incidents-table";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/database";
import { incidentRowText } from "@/lib/format/incident-row";
import { incidentFormatTools, incidentTableLabels } from "@/lib/http/incident-table-text";
import { listOpenIncidents } from "@/lib/queries/open-incidents";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("openIncidents"))("title") };
}

// Open incidents across every organization the user belongs to, each in its organization's time zone.
export default async function OpenIncidentsPage() {
  const user = await requireUser("/incidents");
  const t = await getTranslations("openIncidents");
  const format = await getFormatter();
  const locale = await getLocale();
  const incidents = await listOpenIncidents(getDatabase(), user.id);
  const rows = await Promise.all(incidents.map(async (incident) => ({
    id: incident.id,
    href: `/orgs/${incident.orgSlug}/incidents/${incident.id}`,
    org: { name: incident.orgName, href: `/orgs/${incident.orgSlug}` },
    ...incidentRowText(incident, await incidentFormatTools(incident.timeZone, format, locale)),
  })));
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        {incidents.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : <IncidentsTable dataTable="open-incidents" labels={await incidentTableLabels()} rows={rows} />}
      </Card>
    </>
  );
}
