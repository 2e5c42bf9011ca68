import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { signOutAction } from "@/app/(auth)/actions";
import { requireUser } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/database";
import { listOrganizations } from "@/lib/queries/organizations-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const user = await requireUser("/account");
  const t = await getTranslations("account");
  const tRoles = await getTranslations("roles");
  const organizations = await listOrganizations(getDatabase(), user.id);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro", { name: user.name, email: user.email })} />
      <div className="grid gap-6 md:grid-cols-2">
        <Card title={t("organizations")}>
          <ul className="divide-y divide-slate-100 text-sm">
            {organizations.map((org) => (
              <li key={org.slug} className="flex justify-between gap-4 py-2">
                <Link href={`/orgs/${org.slug}`} className="font-medium text-brand-700 hover:underline">{org.name}</Link>
                <span className="text-slate-600">{tRoles(org.role)}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t("signOutTitle")}>
          <div className="space-y-4">
            <form action={signOutAction}>
              <Button type="submit" variant="secondary">{t("signOutHere")}</Button>
            </form>
            <form action={signOutAction} className="space-y-2">
              <input type="hidden" name="everywhere" value="1" />
              <Button type="submit" variant="secondary">{t("signOutEverywhere")}</Button>
              <p className="text-xs text-slate-600">{t("signOutEverywhereHelp")}</p>
            </form>
          </div>
        </Card>
      </div>
    </>
  );
}
