"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { slugFromName } from "@/lib/organizations/create-organization.schema";

type State = { ok: false; error: { code: string; detail: string } } | null;

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
const KNOWN_ERRORS = ["invalid_organization", "slug_taken", "unknown_time_zone"] as const;

export function NewOrganizationForm({
  action,
  countries,
  timeZones,
}: {
  action: (state: State, formData: FormData) => Promise<State>;
  /** Named and sorted on the server: the browser's own region names differ from Node's and would not hydrate. */
  countries: { code: string; name: string }[];
  timeZones: string[];
}) {
  const t = useTranslations("newOrg");
  const [state, formAction, isPending] = useActionState(action, null);
  // Uncontrolled inputs: what is typed before hydration survives it. Without JavaScript the
  // slug stays empty and the server makes it from the name.
  const slugInput = useRef<HTMLInputElement>(null);
  const isSlugEdited = useRef(false);

  const errorCode = state?.error.code;
  const errorText = !state
    ? null
    : (KNOWN_ERRORS as readonly string[]).includes(errorCode ?? "")
      ? t(`errors.${errorCode as (typeof KNOWN_ERRORS)[number]}`, { detail: state.error.detail })
      : t("errors.unexpected", { detail: state.error.detail });

  return (
    <form action={formAction} className="max-w-xl space-y-5">
      {errorText ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{errorText}</p> : null}
      <div>
        <label htmlFor="org-name" className="text-sm font-medium">{t("name")}</label>
        <input
          id="org-name" name="name" required maxLength={120} className={FIELD} placeholder={t("namePlaceholder")}
          onInput={(event) => {
            if (slugInput.current && !isSlugEdited.current) slugInput.current.value = slugFromName(event.currentTarget.value);
          }}
        />
      </div>
      <div>
        <label htmlFor="org-slug" className="text-sm font-medium">{t("slug")}</label>
        <input
          id="org-slug" name="slug" ref={slugInput} pattern="[a-z0-9](?:[a-z0-9\-]{0,46}[a-z0-9])?" className={FIELD}
          aria-describedby="org-slug-help"
          onInput={() => {
            isSlugEdited.current = true;
          }}
        />
        <p id="org-slug-help" className="mt-1 text-xs text-slate-600">{t("slugHelp")}</p>
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <div>
          <label htmlFor="org-country" className="text-sm font-medium">{t("country")}</label>
          <select id="org-country" name="countryCode" defaultValue="JP" className={FIELD} aria-describedby="org-country-help">
            {countries.map((country) => <option key={country.code} value={country.code}>{country.name}</option>)}
          </select>
          <p id="org-country-help" className="mt-1 text-xs text-slate-600">{t("countryHelp")}</p>
        </div>
        <div>
          <label htmlFor="org-time-zone" className="text-sm font-medium">{t("timeZone")}</label>
          <select id="org-time-zone" name="timeZone" defaultValue="Asia/Tokyo" className={FIELD} aria-describedby="org-time-zone-help">
            {timeZones.map((zone) => <option key={zone} value={zone}>{zone}</option>)}
          </select>
          <p id="org-time-zone-help" className="mt-1 text-xs text-slate-600">{t("timeZoneHelp")}</p>
        </div>
      </div>
      <div className="max-w-40">
        <label htmlFor="org-currency" className="text-sm font-medium">{t("currency")}</label>
        <input id="org-currency" name="currency" defaultValue="JPY" required pattern="[A-Za-z]{3}" maxLength={3} className={`${FIELD} uppercase`} />
      </div>
      <Button type="submit" disabled={isPending}>{t("submit")}</Button>
    </form>
  );
}
