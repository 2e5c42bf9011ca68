import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { OrgNav } from "@/components/layout/org-nav";

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const t = await getTranslations("nav");
  const base = `/orgs/${encodeURIComponent(orgSlug)}`;
  return (
    <div className="space-y-6">
      <OrgNav
        label={t("label")}
        items={[
          { href: base, label: t("overview"), exact: true },
          { href: `${base}/uploads`, label: t("uploads"), exact: true },
          { href: `${base}/uploads/new`, label: t("newUpload"), exact: true },
        ]}
      />
      {children}
    </div>
  );
}
