import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { setLocaleAction } from "@/app/actions";
import { signOutAction } from "@/app/(auth)/actions";
import { currentUser } from "@/lib/auth/session";

// The app shell: brand, language. Access decisions belong to pages, never to layouts.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const user = await currentUser();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("app.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-brand-700">
            <span aria-hidden="true" className="inline-block h-6 w-6 rounded bg-brand-600" />
            {t("app.name")}
          </Link>
          <div className="flex items-center gap-4">
            {user ? <Link href="/incidents" className="text-sm text-slate-700 hover:underline">{t("nav.openIncidents")}</Link> : null}
            <Link href="/orgs" className="text-sm text-slate-700 hover:underline">{t("nav.organizations")}</Link>
            <LanguageSwitch current={locale} label={t("language.label")} names={{ ja: t("language.ja"), en: t("language.en") }} action={setLocaleAction} />
            {user ? (
              <nav aria-label={t("userMenu.label")} className="flex items-center gap-3 border-l border-slate-200 pl-4 text-sm">
                <Link href="/account" className="text-slate-700 hover:underline" title={t("userMenu.account")}>{user.name}</Link>
                <form action={signOutAction}>
                  <button type="submit" className="text-slate-700 hover:underline">{t("userMenu.signOut")}</button>
                </form>
              </nav>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
