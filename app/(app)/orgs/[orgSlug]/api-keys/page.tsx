import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { RowActionForm } from "@/components/ui/row-action-form";
import { listApiKeys } from "@/lib/api-keys/api-keys";
import { orgContextForPage } from "@/lib/http/page-org-context";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiKeys"))("title") };
}

// Owners and administrators: keys for machines that send CDRs (README: "Sending CDRs from a script").
export default async function ApiKeysPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const ctx = await orgContextForPage(orgSlug, "settings");
  const t = await getTranslations("apiKeys");
  const format = await getFormatter();
  const keys = await listApiKeys(ctx);
  const when = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium", timeStyle: "short", timeZone: ctx.org.timeZone }) : t("never"));
  return (
    <>
      <PageHeader title={t("title")} description={t("intro", { orgId: ctx.org.id })} />
      <Card title={t("createTitle")}>
        <CreateApiKeyForm action={createApiKeyAction.bind(null, orgSlug)} />
      </Card>
      <Card>
        {keys.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-2 font-medium">{t("name")}</th>
                <th scope="col" className="py-2 font-medium">{t("prefix")}</th>
                <th scope="col" className="py-2 font-medium">{t("scopes")}</th>
                <th scope="col" className="py-2 font-medium">{t("created")}</th>
                <th scope="col" className="py-2 font-medium">{t("lastUsed")}</th>
                <th scope="col" className="py-2"><span className="sr-only">{t("revoke")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((key) => (
                <tr key={key.id} className={key.revokedAt ? "text-slate-500" : undefined}>
                  <td className="py-2">{key.name}</td>
                  <td className="py-2 font-mono text-xs">{key.prefix}…</td>
                  <td className="py-2">{key.scopes.join(", ")}</td>
                  <td className="py-2">{when(key.createdAt)}{key.createdBy ? ` · ${key.createdBy}` : ""}</td>
                  <td className="py-2">{when(key.lastUsedAt)}</td>
                  <td className="py-2 text-right">
                    {key.revokedAt ? (
                      t("revokedAt", { at: when(key.revokedAt) })
                    ) : (
                      <RowActionForm action={revokeApiKeyAction.bind(null, orgSlug)} fields={{ keyId: key.id }} label={t("revoke")} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
