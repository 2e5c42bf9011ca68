"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";

// The sign-in, setup, invitation and reset forms: labelled fields, a submit button, and the server
// action's error code translated (auth.errors). Works before hydration (progressive enhancement).

type State = { error?: string; notice?: string; email?: string } | null;

export type AuthField = { name: string; label: string; type: "text" | "email" | "password"; autoComplete: string; defaultValue?: string; readOnly?: boolean; help?: string; minLength?: number };

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm read-only:bg-slate-100";
const KNOWN_ERRORS = ["invalid_credentials", "locked", "setup_done", "invalid_account", "invitation_invalid", "email_taken", "wrong_account", "weak_password", "reset_invalid", "mail_not_configured"] as const;

export function AuthForm({
  action,
  fields,
  hidden = {},
  submitLabel,
}: {
  action: (state: State, formData: FormData) => Promise<State>;
  fields: AuthField[];
  hidden?: Record<string, string>;
  submitLabel: string;
}) {
  const t = useTranslations("auth.errors");
  const tNotice = useTranslations("auth.notices");
  const [state, formAction, isPending] = useActionState(action, null);
  const code = state?.error;
  const message = code ? ((KNOWN_ERRORS as readonly string[]).includes(code) ? t(code as (typeof KNOWN_ERRORS)[number]) : t("unexpected")) : null;
  return (
    // Remounted after each answer, so the typed email address comes back as the default value.
    <form key={JSON.stringify(state)} action={formAction} className="space-y-4">
      {message ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{message}</p> : null}
      {state?.notice === "reset_sent" ? <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800">{tNotice("reset_sent", { email: state.email ?? "" })}</p> : null}
      {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {fields.map((field) => (
        <div key={field.name}>
          <label htmlFor={`auth-${field.name}`} className="text-sm font-medium">{field.label}</label>
          <input
            id={`auth-${field.name}`} name={field.name} type={field.type} autoComplete={field.autoComplete} required
            defaultValue={field.type === "email" && state?.email ? state.email : field.defaultValue} readOnly={field.readOnly} minLength={field.minLength} maxLength={field.type === "password" ? 128 : 254}
            aria-describedby={field.help ? `auth-${field.name}-help` : undefined} className={FIELD}
          />
          {field.help ? <p id={`auth-${field.name}-help`} className="mt-1 text-xs text-slate-600">{field.help}</p> : null}
        </div>
      ))}
      <Button type="submit" disabled={isPending} className="w-full">{submitLabel}</Button>
    </form>
  );
}
