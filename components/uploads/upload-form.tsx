"use client";

import { useTranslations, useFormatter } from "next-intl";
import { useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { Button, ButtonLink } from "@/components/ui/button";

// Sends the file as the request body (no multipart, no server action: their 1 MB limit), so the
// server can stream it into the pipeline; XMLHttpRequest because fetch cannot report upload progress.

export type UploadSummary = {
  uploadId: string;
  format: string;
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

/** Error codes the server's { error: { code } } may carry that the form explains in the reader's language. */
const UPLOAD_ERROR_CODES = ["unknown_format", "empty_file", "payload_too_large", "unknown_time_zone", "not_found", "internal_error"] as const;
type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];

type UploadResponse = { summary: UploadSummary; overviewMonth: string | null };

type State =
  | { phase: "idle" }
  | { phase: "uploading"; percent: number }
  | { phase: "importing" }
  | { phase: "done"; result: UploadResponse }
  | { phase: "failed"; message: string };

export function UploadForm({ orgId, orgSlug, orgTimeZone }: { orgId: string; orgSlug: string; orgTimeZone: string }) {
  const t = useTranslations("upload");
  const format = useFormatter();
  // Uncontrolled inputs keep what was chosen before hydration; the button waits for hydration,
  // since before it the form has no handler.
  const fileInput = useRef<HTMLInputElement>(null);
  const timeZoneSelect = useRef<HTMLSelectElement>(null);
  const isHydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [state, setState] = useState<State>({ phase: "idle" });
  const isBusy = state.phase === "uploading" || state.phase === "importing";

  function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setState({ phase: "failed", message: t("chooseFile") });
      return;
    }
    const query = new URLSearchParams({ fileName: file.name, fileTimeZone: timeZoneSelect.current?.value ?? orgTimeZone });
    const request = new XMLHttpRequest();
    request.open("POST", `/api/orgs/${orgId}/uploads?${query}`);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.upload.onprogress = (progress) => {
      if (!progress.lengthComputable) return;
      const percent = Math.floor((progress.loaded / progress.total) * 100);
      setState(percent >= 100 ? { phase: "importing" } : { phase: "uploading", percent });
    };
    request.upload.onload = () => setState({ phase: "importing" });
    request.onerror = () => setState({ phase: "failed", message: t("networkError") });
    request.onload = () => {
      const body = parseJson(request.responseText);
      if (request.status === 201 && typeof body === "object" && body !== null && "summary" in body) setState({ phase: "done", result: body as UploadResponse });
      else setState({ phase: "failed", message: describeError(body, request.status) });
    };
    setState({ phase: "uploading", percent: 0 });
    request.send(file);
  }

  function describeError(body: unknown, status: number): string {
    const error = body && typeof body === "object" && "error" in body ? (body as { error: { code?: string; message?: string } }).error : null;
    const code = error?.code;
    if (code && (UPLOAD_ERROR_CODES as readonly string[]).includes(code)) return t(`errors.${code as UploadErrorCode}`);
    return error?.message ?? `HTTP ${status}`;
  }

  function reset() {
    if (fileInput.current) fileInput.current.value = "";
    setState({ phase: "idle" });
  }

  const progressValue = state.phase === "uploading" ? state.percent : state.phase === "importing" || state.phase === "done" ? 100 : 0;

  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-5" aria-busy={isBusy}>
        <div>
          <label htmlFor="cdr-file" className="block text-sm font-medium text-slate-800">{t("file")}</label>
          <input
            id="cdr-file"
            ref={fileInput}
            type="file"
            name="file"
            accept=".csv,.txt,text/csv,text/plain"
            disabled={isBusy}
            className="mt-2 block w-full text-sm file:mr-4 file:rounded-md file:border-0 file:bg-brand-100 file:px-4 file:py-2 file:text-brand-700"
          />
        </div>
        <div>
          <label htmlFor="file-time-zone" className="block text-sm font-medium text-slate-800">{t("fileTimeZone")}</label>
          <select
            id="file-time-zone"
            ref={timeZoneSelect}
            defaultValue={orgTimeZone}
            disabled={isBusy}
            aria-describedby="file-time-zone-help"
            className="mt-2 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value={orgTimeZone}>{t("organizationZone", { zone: orgTimeZone })}</option>
            {orgTimeZone !== "UTC" ? <option value="UTC">{t("utc")}</option> : null}
          </select>
          <p id="file-time-zone-help" className="mt-1 text-xs text-slate-600">{t("fileTimeZoneHelp")}</p>
        </div>
        <Button type="submit" disabled={isBusy || !isHydrated}>{t("submit")}</Button>
      </form>

      {state.phase !== "idle" ? (
        <div aria-live="polite" className="space-y-3">
          {state.phase === "uploading" || state.phase === "importing" || state.phase === "done" ? (
            <div>
              <progress className="h-2 w-full accent-brand-600" max={100} value={progressValue} aria-label={t("title")} />
              <p className="mt-1 text-sm text-slate-700" data-upload-phase={state.phase}>
                {state.phase === "uploading" ? t("uploading", { percent: state.percent }) : state.phase === "importing" ? t("importing") : t("done")}
              </p>
            </div>
          ) : null}
          {state.phase === "failed" ? (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              <strong>{t("failed")}:</strong> {state.message}
            </p>
          ) : null}
          {state.phase === "done" ? <UploadResult result={state.result} orgSlug={orgSlug} orgTimeZone={orgTimeZone} format={format} onReset={reset} /> : null}
        </div>
      ) : null}
    </div>
  );
}

type UploadResultProps = {
  result: UploadResponse;
  orgSlug: string;
  orgTimeZone: string;
  format: ReturnType<typeof useFormatter>;
  onReset: () => void;
};

function UploadResult({ result, orgSlug, orgTimeZone, format, onReset }: UploadResultProps) {
  const t = useTranslations("upload");
  const { summary } = result;
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short", timeZone: orgTimeZone }) : "–";
  const rows: [string, string][] = [
    [t("summary.format"), summary.format],
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
    <div className="rounded-md border border-emerald-200 bg-emerald-50 p-4">
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm" data-upload-summary>
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="font-medium tabular-nums text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex flex-wrap gap-2">
        {result.overviewMonth ? <ButtonLink href={`/orgs/${orgSlug}?month=${result.overviewMonth}`}>{t("viewMonth")}</ButtonLink> : null}
        <Button type="button" variant="secondary" onClick={onReset}>{t("uploadAnother")}</Button>
      </div>
    </div>
  );
}

const noSubscription = () => () => {};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
