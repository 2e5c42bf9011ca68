import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { OrgNav, type NavItem } from "@/components/layout/org-nav";
import { OrgSwitcher } from "@/components/layout/org-switcher";
import { can } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/database";

// The organization's sections; links a member's role cannot use are left out (each page checks again).
export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const t = await getTranslations("nav");
  const user = await currentUser();
  const memberships = user ? await getDatabase().prisma.member.findMany({ where: { userId: user.id }, select: { role: true, org: { select: { slug: true, name: true } } }, orderBy: { org: { name: "asc" } } }) : [];
  const member = memberships.find((membership) => membership.org.slug === orgSlug) ?? null;
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
      {member ? <OrgSwitcher current={member.org} organizations={memberships.map((membership) => membership.org)} label={t("switchOrganization")} /> : null}
      <OrgNav label={t("label")} items={items} />
      {children}
    </div>
  );
}
