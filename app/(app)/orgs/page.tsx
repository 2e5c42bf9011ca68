import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/database";
import { listOrganizations } from "@/lib/queries/organizations-page";

export default async function OrganizationsPage() {
  const t = await getTranslations("orgList");
  const user = await requireUser("/orgs");
  const tRoles = await getTranslations("roles");
  const organizations = await listOrganizations(getDatabase(), user.id);
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
                <Link href={`/orgs/${org.slug}`} className="flex items-baseline justify-between gap-4 py-3 font-medium text-brand-700 hover:underline">
                  {org.name}
                  <span className="text-xs font-normal text-slate-600">{tRoles(org.role)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
