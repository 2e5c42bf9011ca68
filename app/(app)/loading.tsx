import { getTranslations } from "next-intl/server";

// Shown while a page's server components read the database.
export default async function Loading() {
  const t = await getTranslations("errors");
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-12 text-sm text-slate-600">
      <span aria-hidden className="inline-block h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" />
      {t("loading")}
    </div>
  );
}
