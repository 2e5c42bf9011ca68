import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IncidentsTable } from "@/components/incidents/incidents-table";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { incidentRowText } from "@/lib/format/incident-row";
import { orgContextForPage } from "@/lib/http/page-org-context";
import { incidentFormatTools, incidentTableLabels } from "@/lib/http/incident-table-text";
import { listIncidents } from "@/lib/queries/incident-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incident"))("listTitle") };
}

export default async function IncidentsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const ctx = await orgContextForPage((await params).orgSlug);
  const t = await getTranslations("incident");
  const incidents = await listIncidents(ctx);
  const tools = await incidentFormatTools(ctx.org.timeZone, await getFormatter(), await getLocale());
  return (
    <>
      <PageHeader title={t("listTitle")} description={t("listIntro")} />
      <Card>
        {incidents.length === 0 ? (
          <p className="text-sm text-slate-600">{t("listEmpty")}</p>
        ) : (
          <IncidentsTable
            dataTable="incidents"
            labels={await incidentTableLabels()}
            rows={incidents.map((incident) => ({ id: incident.id, href: `/orgs/${ctx.org.slug}/incidents/${incident.id}`, ...incidentRowText(incident, tools) }))}
          />
        )}
      </Card>
    </>
  );
}
