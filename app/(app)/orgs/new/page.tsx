import { getCountries } from "libphonenumber-js/min";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { NewOrganizationForm } from "@/components/organizations/new-organization-form";
import { requireUser } from "@/lib/auth/session";
import { createOrganizationAction } from "./actions";

export default async function NewOrganizationPage() {
  await requireUser("/orgs/new");
  const t = await getTranslations("newOrg");
  const supported = Intl.supportedValuesOf("timeZone");
  const timeZones = supported.includes("UTC") ? supported : [...supported, "UTC"];
  const locale = await getLocale();
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  const countries = getCountries()
    .map((code) => ({ code, name: regions.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        <NewOrganizationForm action={createOrganizationAction} countries={countries} timeZones={timeZones} />
      </Card>
    </>
  );
}
