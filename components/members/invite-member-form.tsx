"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/auth/roles";

type State = { ok: true; email: string; link: string } | { ok: false; error: string; detail?: string } | null;

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
const KNOWN_ERRORS = ["invalid_invitation", "already_member", "forbidden"] as const;

/** Invites by email and role; the one-time link is shown once, to copy and send. */
export function InviteMemberForm({ action, roles }: { action: (state: State, formData: FormData) => Promise<State>; roles: { value: Role; label: string }[] }) {
  const t = useTranslations("members");
  const [state, formAction, isPending] = useActionState(action, null);
  const error = state && !state.ok ? ((KNOWN_ERRORS as readonly string[]).includes(state.error) ? t(`errors.${state.error as (typeof KNOWN_ERRORS)[number]}`) : t("errors.unexpected", { detail: state.detail ?? state.error })) : null;
  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="invite-email" className="text-sm font-medium">{t("email")}</label>
          <input id="invite-email" name="email" type="email" required maxLength={254} autoComplete="off" className={FIELD} />
        </div>
        <div>
          <label htmlFor="invite-role" className="text-sm font-medium">{t("role")}</label>
          <select id="invite-role" name="role" defaultValue="viewer" className={FIELD}>
            {roles.map((role) => <option key={role.value} value={role.value}>{role.label}</option>)}
          </select>
        </div>
        <Button type="submit" disabled={isPending}>{t("invite")}</Button>
      </form>
      {error ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{error}</p> : null}
      {state?.ok ? (
        <div role="status" className="space-y-2 rounded-md border border-green-200 bg-green-50 p-3 text-sm">
          <p className="font-medium text-green-900">{t("invitationLinkTitle", { email: state.email })}</p>
          <input readOnly value={state.link} aria-label={t("invitationLinkTitle", { email: state.email })} className={`${FIELD} font-mono text-xs`} data-testid="invitation-link" onFocus={(event) => event.currentTarget.select()} />
          <p className="text-green-900">{t("invitationLinkHelp", { email: state.email })}</p>
        </div>
      ) : null}
    </div>
  );
}
