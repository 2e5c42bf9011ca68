import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { OrgNav, type NavItem } from "@/components/layout/org-nav";
import { can } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/database";

// The organization's sections; links a member's role cannot use are left out (each page checks again).
export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const t = await getTranslations("nav");
  const user = await currentUser();
  const member = user ? await getDatabase().prisma.member.findFirst({ where: { userId: user.id, org: { slug: orgSlug } }, select: { role: true } }) : null;
  const base = `/orgs/${encodeURIComponent(orgSlug)}`;
  const items: NavItem[] = [
    { href: base, label: t("overview"), exact: true },
    { href: `${base}/incidents`, label: t("incidents") },
    { href: `${base}/calls`, label: t("calls"), exact: true },
    { href: `${base}/uploads`, label: t("uploads"), exact: true },
  ];
  if (member && can(member.role, "upload")) items.push({ href: `${base}/uploads/new`, label: t("newUpload"), exact: true });
  if (member) items.push({ href: `${base}/members`, label: t("members"), exact: true });
  if (member && can(member.role, "settings")) items.push({ href: `${base}/settings`, label: t("settings"), exact: true }, { href: `${base}/alerts`, label: t("alerts"), exact: true }, { href: `${base}/api-keys`, label: t("apiKeys"), exact: true });
  if (member && can(member.role, "audit")) items.push({ href: `${base}/audit`, label: t("audit"), exact: true });
  return (
    <div className="space-y-6">
      <OrgNav label={t("label")} items={items} />
      {children}
    </div>
  );
}
