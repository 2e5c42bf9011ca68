"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// A page that failed to render: what happened, that nothing changed, and what to do.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-red-200 bg-red-50 p-6 text-sm text-red-900">
      <h1 className="text-lg font-semibold">{t("errorTitle")}</h1>
      <p className="mt-2">{t("errorBody", { digest: error.digest ?? "—" })}</p>
      <Button className="mt-4" onClick={() => reset()}>{t("tryAgain")}</Button>
    </div>
  );
}
