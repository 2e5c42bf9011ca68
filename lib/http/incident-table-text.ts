import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import type { IncidentsTableLabels } from "@/components/incidents/incidents-table";
import type { IncidentFormatTools } from "@/lib/format/incident-row";

// The translated labels and formatters both incidents tables use (the organization's and all organizations').

export async function incidentTableLabels(): Promise<IncidentsTableLabels> {
  const t = await getTranslations("incident");
  return { organization: (await getTranslations("openIncidents"))("organization"), severity: t("severity"), period: t("period"), calls: t("calls"), cost: t("cost"), destinations: t("destinations"), status: t("status") };
}

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

export async function incidentFormatTools(timeZone: string, format: Formatter, locale: string): Promise<IncidentFormatTools> {
  const t = await getTranslations("incident");
  const tSeverity = await getTranslations("overview.severities");
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  return {
    when: (value) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short", timeZone }),
    number: (value) => format.number(value),
    money: (value, currency) => format.number(value, { style: "currency", currency, maximumFractionDigits: 0 }),
    country: (code) => (/^[A-Z]{2}$/.test(code) && code !== "ZZ" ? regions.of(code) ?? code : t("unknownCountry")),
    severity: (severity) => tSeverity(severity as "low"),
    status: (status) => t(`statuses.${status as "open"}`),
  };
}
