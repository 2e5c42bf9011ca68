"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";

type State = { error: "upload_running" | "unconfirmed" } | null;

/** Deleting needs a ticked confirmation; the server says when the upload is still running. */
export function DeleteUploadForm({ action, calls }: { action: (state: State, formData: FormData) => Promise<State>; calls: number }) {
  const t = useTranslations("uploadDetail");
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3 text-sm">
      <p className="max-w-3xl text-slate-700">{t("deleteBody", { calls })}</p>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="confirm" value="yes" required /> {t("deleteConfirm")}
      </label>
      <Button type="submit" disabled={isPending} className="bg-red-700 hover:bg-red-800">{t("deleteButton")}</Button>
      {state?.error === "upload_running" ? <p role="alert" className="text-red-800">{t("deleteRunning")}</p> : null}
    </form>
  );
}
