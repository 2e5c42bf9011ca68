"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

export type AlertFormState = { ok: true; message: string; values?: Record<string, string> } | { ok: false; error: string; values?: Record<string, string> } | null;

const ERRORS = ["invalid_alert_channel", "invalid_cost_steps", "forbidden"] as const;

/** A form of the alerts page: its fields, a submit button, and what the server answered. */
export function AlertActionForm({ action, submitLabel, children, className = "flex flex-wrap items-end gap-4", variant }: {
  action: (state: AlertFormState, formData: FormData) => Promise<AlertFormState>;
  submitLabel: string;
  children?: ReactNode;
  className?: string;
  variant?: "primary" | "secondary";
}) {
  const t = useTranslations("alerts");
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className={className}>
      {children}
      <Button type="submit" variant={variant} disabled={isPending} className={variant === "secondary" ? "px-3 py-1" : undefined}>{submitLabel}</Button>
      {state?.ok ? <p role="status" className="basis-full text-sm text-green-800">{t(state.message as "added", state.values)}</p> : null}
      {state && !state.ok ? (
        <p role="alert" className="basis-full rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-800">
          {state.error === "testFailed" ? t("testFailed", state.values) : t(`errors.${ERRORS.find((code) => code === state.error) ?? "invalid_alert_channel"}`)}
        </p>
      ) : null}
    </form>
  );
}
