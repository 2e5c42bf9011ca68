import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { setLocaleAction } from "@/app/actions";

// Pages for people who are not signed in: one narrow card under the brand, with the language switch.
export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4 py-10">
      <div className="flex items-center justify-between">
        <p className="flex items-center gap-2 text-lg font-semibold text-brand-700">
          <span aria-hidden="true" className="inline-block h-6 w-6 rounded bg-brand-600" />
          {t("app.name")}
        </p>
        <LanguageSwitch current={locale} label={t("language.label")} names={{ ja: t("language.ja"), en: t("language.en") }} action={setLocaleAction} />
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</section>
    </main>
  );
}
