"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { CdrText } from "@/components/ui/cdr-text";
import { DATE_NOTATIONS, type ColumnMappingConfig } from "@/lib/ingest/formats/column-mapping/column-mapping.schema";
import { isolateCdrText } from "@/lib/format/cdr-text";

// The user tells Tollwatch which column is what, checks the result on the first rows, then saves
// the mapping (later files with the same header are then recognised) and imports the file.

type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string };
type PreviewRow = { rowNumber: number; outcome: string; startedAt: string | null; destination: string | null; destinationCountry: string | null; durationSeconds: number | null; disposition: string | null };
type Field = keyof ColumnMappingConfig["columns"];

const FIELDS: Field[] = ["startDateTime", "startDate", "startTime", "destination", "source", "duration", "billableDuration", "disposition", "direction", "cost", "currency", "accountCode", "callId"];
const SELECT = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function ColumnMappingForm({
  rows,
  initial,
  defaultName,
  orgTimeZone,
  preview,
  save,
}: {
  rows: string[][];
  initial: ColumnMappingConfig;
  defaultName: string;
  orgTimeZone: string;
  preview: (config: ColumnMappingConfig) => Promise<ActionResult<PreviewRow[]>>;
  save: (input: { name: string; config: ColumnMappingConfig }) => Promise<ActionResult<never>>;
}) {
  const t = useTranslations("columnMapping");
  const reasons = useTranslations("rejectionReasons");
  const format = useFormatter();
  const [config, setConfig] = useState<ColumnMappingConfig>(initial);
  const [name, setName] = useState(defaultName);
  const [checked, setChecked] = useState<PreviewRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const columnCount = Math.max(...rows.map((row) => row.length), 0);
  const header = config.headerRows > 0 ? rows[config.headerRows - 1] : null;
  const sample = rows[config.headerRows] ?? [];
  const columnLabel = (index: number) => {
    const title = header?.[index] ? ` “${isolateCdrText(header[index])}”` : "";
    const example = sample[index] ? ` — ${isolateCdrText(sample[index].slice(0, 24))}` : "";
    return `${t("column", { number: index + 1 })}${title}${example}`;
  };

  function setColumn(field: Field, value: string) {
    const columns = { ...config.columns };
    if (value === "") delete columns[field];
    else columns[field] = Number(value);
    setConfig({ ...config, columns });
    setChecked(null);
  }

  function check() {
    setError(null);
    startTransition(async () => {
      const result = await preview(config);
      if (result.ok) setChecked(result.data);
      else setError(result.error);
    });
  }

  function importNow() {
    setError(null);
    startTransition(async () => {
      const result = await save({ name, config });
      if (!result.ok) setError(result.error);
    });
  }

  return (
    <div className="space-y-6">
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="text-xs" data-table="mapping-preview">
          <caption className="sr-only">{t("firstRows")}</caption>
          <thead>
            <tr className="bg-slate-100">
              {Array.from({ length: columnCount }, (_, index) => <th key={index} scope="col" className="px-2 py-1 text-left font-medium">{t("column", { number: index + 1 })}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => (
              <tr key={rowIndex} className={rowIndex < config.headerRows ? "bg-amber-50 font-medium" : "border-t border-slate-100"}>
                {Array.from({ length: columnCount }, (_, index) => <td key={index} className="whitespace-nowrap px-2 py-1 font-mono"><CdrText text={row[index]} /></td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <label className="text-sm font-medium">
          {t("headerRows")}
          <select className={SELECT} value={config.headerRows} onChange={(event) => setConfig({ ...config, headerRows: Number(event.target.value) })}>
            {[0, 1, 2].map((count) => <option key={count} value={count}>{count}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("dateNotation")}
          <select className={SELECT} value={config.dateNotation} onChange={(event) => setConfig({ ...config, dateNotation: event.target.value as ColumnMappingConfig["dateNotation"] })}>
            {DATE_NOTATIONS.map((notation) => <option key={notation} value={notation}>{t(`notations.${notation}`)}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("timeZone")}
          <select className={SELECT} value={config.timeZone ?? ""} onChange={(event) => setConfig({ ...config, timeZone: event.target.value || null })}>
            <option value="">{t("uploadTimeZone", { zone: orgTimeZone })}</option>
            <option value="UTC">UTC</option>
          </select>
        </label>
      </div>

      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">{t("columnsLegend")}</legend>
        {FIELDS.map((field) => (
          <label key={field} className="text-sm font-medium">
            {t(`fields.${field}`)}
            <select className={SELECT} value={config.columns[field] ?? ""} onChange={(event) => setColumn(field, event.target.value)} data-field={field}>
              {field === "destination" ? null : <option value="">{t("notInFile")}</option>}
              {Array.from({ length: columnCount }, (_, index) => <option key={index} value={index}>{columnLabel(index)}</option>)}
            </select>
          </label>
        ))}
      </fieldset>

      <div className="flex flex-wrap items-end gap-3">
        <Button type="button" variant="secondary" onClick={check} disabled={isPending}>{t("check")}</Button>
        <label className="text-sm font-medium">
          {t("name")}
          <input className={`${SELECT} min-w-64`} value={name} onChange={(event) => setName(event.target.value)} maxLength={80} />
        </label>
        <Button type="button" onClick={importNow} disabled={isPending || !checked || name.trim() === ""}>{t("saveAndImport")}</Button>
      </div>
      {!checked ? <p className="text-xs text-slate-600">{t("checkFirst")}</p> : null}
      {error ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{error}</p> : null}

      {checked ? (
        <table className="w-full text-sm" data-table="mapping-check">
          <caption className="mb-2 text-left font-semibold">{t("checkTitle")}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="px-2 py-1">{t("row")}</th>
              <th scope="col" className="px-2 py-1">{t("start")}</th>
              <th scope="col" className="px-2 py-1">{t("fields.destination")}</th>
              <th scope="col" className="px-2 py-1">{t("fields.duration")}</th>
              <th scope="col" className="px-2 py-1">{t("result")}</th>
            </tr>
          </thead>
          <tbody>
            {checked.map((row) => (
              <tr key={row.rowNumber} className="border-b border-slate-100" data-outcome={row.outcome}>
                <td className="px-2 py-1 tabular-nums">{row.rowNumber}</td>
                <td className="px-2 py-1">{row.startedAt ? format.dateTime(new Date(row.startedAt), { dateStyle: "medium", timeStyle: "medium", timeZone: orgTimeZone }) : "–"}</td>
                <td className="px-2 py-1">{row.destination ? <CdrText text={row.destination} /> : "–"}{row.destinationCountry ? ` (${row.destinationCountry})` : ""}</td>
                <td className="px-2 py-1 tabular-nums">{row.durationSeconds ?? "–"}</td>
                <td className="px-2 py-1">{row.outcome === "call" ? t(`dispositions.${row.disposition as "answered"}`) : reasons.has(row.outcome as never) ? reasons(row.outcome as never) : row.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
