"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";

type State = { ok: true; name: string; key: string } | { ok: false; error: string } | null;

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/** Names a new key and its scope; the key itself is shown once, to copy into the machine that uses it. */
export function CreateApiKeyForm({ action }: { action: (state: State, formData: FormData) => Promise<State> }) {
  const t = useTranslations("apiKeys");
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-wrap items-end gap-4">
        <div className="min-w-64 flex-1">
          <label htmlFor="api-key-name" className="text-sm font-medium">{t("name")}</label>
          <input id="api-key-name" name="name" required maxLength={100} placeholder={t("namePlaceholder")} className={FIELD} />
        </div>
        <fieldset className="text-sm">
          <legend className="font-medium">{t("scopes")}</legend>
          <label className="mt-2 flex items-center gap-2">
            <input type="checkbox" name="scopes" value="ingest" defaultChecked /> {t("scopeIngest")}
          </label>
        </fieldset>
        <Button type="submit" disabled={isPending}>{t("create")}</Button>
      </form>
      {state && !state.ok ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{t(`errors.${state.error === "forbidden" ? "forbidden" : "invalid_api_key"}`)}</p> : null}
      {state?.ok ? (
        <div role="status" className="space-y-2 rounded-md border border-green-200 bg-green-50 p-3 text-sm">
          <p className="font-medium text-green-900">{t("createdTitle", { name: state.name })}</p>
          <input readOnly value={state.key} aria-label={t("createdTitle", { name: state.name })} data-testid="api-key" className={`${FIELD} font-mono text-xs`} onFocus={(event) => event.currentTarget.select()} />
          <p className="text-green-900">{t("createdHelp")}</p>
        </div>
      ) : null}
    </div>
  );
}
