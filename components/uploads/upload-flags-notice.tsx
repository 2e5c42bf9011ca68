import { useFormatter, useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";

// Right after an import, and on the upload's page: did detection flag any day of these calls?
// A flagged upload gets an alert with a way straight to the explanations; a clean one says so.

export type UploadFlagsView = {
  flaggedDays: number;
  worstSeverity: "medium" | "high" | "critical" | null;
  firstFlaggedDay: string | null;
  overviewMonth: string | null;
};

export function UploadFlagsNotice({ flags, orgSlug }: { flags: UploadFlagsView; orgSlug: string }) {
  const t = useTranslations("uploadFlags");
  const severities = useTranslations("overview.severities");
  const format = useFormatter();
  if (!flags.overviewMonth) return null;
  if (flags.flaggedDays === 0 || !flags.worstSeverity || !flags.firstFlaggedDay) {
    return <p className="mb-3 text-sm text-slate-700" data-upload-flags="none">{t("none")}</p>;
  }
  const isSerious = flags.worstSeverity !== "medium";
  return (
    <div role="alert" data-upload-flags={flags.worstSeverity} className={`mb-4 rounded-md border p-3 text-sm ${isSerious ? "border-red-300 bg-red-50 text-red-900" : "border-amber-300 bg-amber-50 text-amber-900"}`}>
      <p className="font-semibold">
        {t("flagged", {
          count: flags.flaggedDays,
          severity: severities(flags.worstSeverity),
          first: format.dateTime(new Date(`${flags.firstFlaggedDay}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" }),
        })}
      </p>
      <p className="mt-1">{t(isSerious ? "adviceSerious" : "adviceMedium")}</p>
      <ButtonLink className="mt-3" href={`/orgs/${orgSlug}?month=${flags.overviewMonth}`}>{t("see")}</ButtonLink>
    </div>
  );
}
