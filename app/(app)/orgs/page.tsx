import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDatabase } from "@/lib/db/database";
import { listOrganizations } from "@/lib/queries/organizations-page";

export default async function OrganizationsPage() {
  const t = await getTranslations("orgList");
  const organizations = await listOrganizations(getDatabase());
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} actions={<ButtonLink href="/orgs/new">{t("create")}</ButtonLink>} />
      <Card>
        {organizations.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {organizations.map((org) => (
              <li key={org.slug}>
                <Link href={`/orgs/${org.slug}`} className="block py-3 font-medium text-brand-700 hover:underline">{org.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
