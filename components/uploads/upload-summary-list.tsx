"use client";

import { useFormatter, useTranslations } from "next-intl";

export type UploadSummary = {
  uploadId: string;
  format: string;
  formatLabel: string;
  encoding: string;
  legPolicy: "grouped-by-call-id" | "one-row-per-call";
  rows: number;
  imported: number;
  duplicates: number;
  mergedLegs: number;
  rejected: number;
  skipped: number;
  firstCallAt: string | null;
  lastCallAt: string | null;
};

/** What became of every row of an upload. */
export function UploadSummaryList({ summary, timeZone }: { summary: UploadSummary; timeZone: string }) {
  const t = useTranslations("upload");
  const format = useFormatter();
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short", timeZone }) : "–";
  const rows: [string, string][] = [
    [t("summary.format"), summary.formatLabel],
    [t("summary.encoding"), summary.encoding],
    [t("summary.rows"), format.number(summary.rows)],
    [t("summary.imported"), format.number(summary.imported)],
    [t("summary.duplicates"), format.number(summary.duplicates)],
    [t("summary.mergedLegs"), format.number(summary.mergedLegs)],
    [t("summary.rejected"), format.number(summary.rejected)],
    ...(summary.skipped > 0 ? [[t("summary.skipped"), format.number(summary.skipped)] as [string, string]] : []),
    [t("summary.legPolicy"), t(`legPolicies.${summary.legPolicy}`)],
    [t("summary.period"), `${when(summary.firstCallAt)} – ${when(summary.lastCallAt)}`],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm" data-upload-summary>
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="font-medium tabular-nums text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
