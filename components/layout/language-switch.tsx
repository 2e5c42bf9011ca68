import { LOCALES, type Locale } from "@/lib/i18n/locales";

// A plain form, so switching language works without JavaScript too.
export function LanguageSwitch({
  current,
  label,
  names,
  action,
}: {
  current: Locale;
  label: string;
  names: Record<Locale, string>;
  action: (formData: FormData) => Promise<void>;
}) {
  return (
    <form action={action} className="flex items-center gap-1" aria-label={label}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={`rounded px-2 py-1 text-sm ${locale === current ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-200"}`}
        >
          {names[locale]}
        </button>
      ))}
    </form>
  );
}
