"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { UploadFlagsNotice, type UploadFlagsView } from "@/components/uploads/upload-flags-notice";
import { UploadSummaryList, type UploadSummary } from "@/components/uploads/upload-summary-list";

// Two steps: announce the file (name, size, options), then send it as the raw request body — no
// multipart, no server action (their 1 MB limit) — so the server streams it into the pipeline.
// XMLHttpRequest reports the bytes sent; polling the upload reports the rows imported meanwhile.

type UploadResponse = { summary: UploadSummary; flags: UploadFlagsView };
type Progress = { bytesSent: number; bytesTotal: number; rowsRead: number; rowsEstimate: number | null };

type State =
  | { phase: "idle" }
  | { phase: "running"; progress: Progress }
  | { phase: "done"; result: UploadResponse }
  | { phase: "failed"; message: string };

/** Error codes of the server's { error: { code } } that the form explains in the reader's language. */
const UPLOAD_ERROR_CODES = ["unknown_format", "empty_file", "row_too_long", "needs_mapping", "payload_too_large", "compressed_file", "binary_content", "unsupported_encoding", "too_many_columns", "duplicate_column", "unknown_time_zone", "needs_statement_month", "not_found", "internal_error"] as const;
type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];

const POLL_INTERVAL_MS = 700;
const FIELD = "mt-2 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

export function UploadForm({ orgId, orgSlug, orgTimeZone }: { orgId: string; orgSlug: string; orgTimeZone: string }) {
  const t = useTranslations("upload");
  const format = useFormatter();
  const router = useRouter();
  // Uncontrolled inputs keep what was chosen before hydration; the button waits for hydration,
  // since before it the form has no handler.
  const fileInput = useRef<HTMLInputElement>(null);
  const timeZoneSelect = useRef<HTMLSelectElement>(null);
  const monthInput = useRef<HTMLInputElement>(null);
  const isHydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [state, setState] = useState<State>({ phase: "idle" });
  const isBusy = state.phase === "running";

  function describeError(body: unknown, status: number): string {
    const error = body && typeof body === "object" && "error" in body ? (body as { error: { code?: string; message?: string } }).error : null;
    const code = error?.code;
    if (code && (UPLOAD_ERROR_CODES as readonly string[]).includes(code)) return t(`errors.${code as UploadErrorCode}`);
    return error?.message ?? `HTTP ${status}`;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setState({ phase: "failed", message: t("chooseFile") });
      return;
    }
    let progress: Progress = { bytesSent: 0, bytesTotal: file.size, rowsRead: 0, rowsEstimate: null };
    const update = (change: Partial<Progress>) => {
      progress = { ...progress, ...change };
      setState((current) => (current.phase === "running" ? { phase: "running", progress } : current));
    };
    setState({ phase: "running", progress });
    const created = await fetch(`/api/orgs/${orgId}/uploads`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        fileName: file.name,
        expectedBytes: file.size,
        fileTimeZone: timeZoneSelect.current?.value ?? orgTimeZone,
        statementMonth: monthInput.current?.value || undefined,
      }),
    }).catch(() => null);
    const createdBody = created ? await created.json().catch(() => null) : null;
    if (!created || created.status !== 201) {
      setState({ phase: "failed", message: created ? describeError(createdBody, created.status) : t("networkError") });
      return;
    }
    const uploadId = (createdBody as { uploadId: string }).uploadId;
    const poller = setInterval(async () => {
      const response = await fetch(`/api/orgs/${orgId}/uploads/${uploadId}`).catch(() => null);
      const status = response?.ok ? ((await response.json()) as { rowsRead: number; rowsEstimate: number | null }) : null;
      if (status) update({ rowsRead: status.rowsRead, rowsEstimate: status.rowsEstimate });
    }, POLL_INTERVAL_MS);
    const request = new XMLHttpRequest();
    request.open("PUT", `/api/orgs/${orgId}/uploads/${uploadId}/content`);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.upload.onprogress = (sent) => update({ bytesSent: sent.loaded });
    request.onerror = () => {
      clearInterval(poller);
      setState({ phase: "failed", message: t("networkError") });
    };
    request.onload = () => {
      clearInterval(poller);
      const body = parseJson(request.responseText);
      if (request.status === 200 && typeof body === "object" && body !== null && "summary" in body) setState({ phase: "done", result: body as UploadResponse });
      else if (errorCode(body) === "needs_mapping") router.push(`/orgs/${orgSlug}/uploads/${uploadId}/column-mapping`);
      else setState({ phase: "failed", message: describeError(body, request.status) });
    };
    request.send(file);
  }

  function reset() {
    if (fileInput.current) fileInput.current.value = "";
    setState({ phase: "idle" });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={submit} data-org-id={orgId} className="space-y-5" aria-busy={isBusy}>
        <div>
          <label htmlFor="cdr-file" className="block text-sm font-medium text-slate-800">{t("file")}</label>
          <input
            id="cdr-file" ref={fileInput} type="file" name="file" accept=".csv,.txt,text/csv,text/plain" disabled={isBusy}
            className="mt-2 block w-full text-sm file:mr-4 file:rounded-md file:border-0 file:bg-brand-100 file:px-4 file:py-2 file:text-brand-700"
          />
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <div>
            <label htmlFor="file-time-zone" className="block text-sm font-medium text-slate-800">{t("fileTimeZone")}</label>
            <select id="file-time-zone" ref={timeZoneSelect} defaultValue={orgTimeZone} disabled={isBusy} aria-describedby="file-time-zone-help" className={FIELD}>
              <option value={orgTimeZone}>{t("organizationZone", { zone: orgTimeZone })}</option>
              {orgTimeZone !== "UTC" ? <option value="UTC">{t("utc")}</option> : null}
            </select>
            <p id="file-time-zone-help" className="mt-1 text-xs text-slate-600">{t("fileTimeZoneHelp")}</p>
          </div>
          <div>
            <label htmlFor="statement-month" className="block text-sm font-medium text-slate-800">{t("statementMonth")}</label>
            <input id="statement-month" ref={monthInput} type="month" disabled={isBusy} aria-describedby="statement-month-help" className={FIELD} />
            <p id="statement-month-help" className="mt-1 text-xs text-slate-600">{t("statementMonthHelp")}</p>
          </div>
        </div>
        <Button type="submit" disabled={isBusy || !isHydrated}>{t("submit")}</Button>
      </form>

      <div aria-live="polite" className="space-y-3">
        {state.phase === "running" ? <UploadProgress progress={state.progress} format={format} /> : null}
        {state.phase === "failed" ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            <strong>{t("failed")}:</strong> {state.message}
          </p>
        ) : null}
        {state.phase === "done" ? (
          <div className="rounded-md border border-emerald-200 bg-emerald-50 p-4">
            <p className="mb-3 font-medium text-emerald-900" data-upload-phase="done">{t("done")}</p>
            <UploadFlagsNotice flags={state.result.flags} orgSlug={orgSlug} />
            <UploadSummaryList summary={state.result.summary} timeZone={orgTimeZone} />
            <div className="mt-4 flex flex-wrap gap-2">
              {state.result.flags.overviewMonth ? <ButtonLink href={`/orgs/${orgSlug}?month=${state.result.flags.overviewMonth}`}>{t("viewMonth")}</ButtonLink> : null}
              <ButtonLink variant="secondary" href={`/orgs/${orgSlug}/uploads/${state.result.summary.uploadId}`}>{t("viewUpload")}</ButtonLink>
              <Button type="button" variant="secondary" onClick={reset}>{t("uploadAnother")}</Button>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function UploadProgress({ progress, format }: { progress: Progress; format: ReturnType<typeof useFormatter> }) {
  const t = useTranslations("upload");
  const megabytes = (bytes: number) => format.number(bytes / 1024 ** 2, { maximumFractionDigits: 1 });
  const percent = progress.bytesTotal > 0 ? Math.floor((progress.bytesSent / progress.bytesTotal) * 100) : 0;
  return (
    <div data-upload-phase="running">
      <progress className="h-2 w-full accent-brand-600" max={100} value={percent} aria-label={t("title")} />
      <p className="mt-1 text-sm text-slate-700">
        {t("bytesProgress", { sent: megabytes(progress.bytesSent), total: megabytes(progress.bytesTotal), percent })}
      </p>
      <p className="text-sm text-slate-700" data-rows-read={progress.rowsRead}>
        {progress.rowsEstimate
          ? t("rowsProgress", { rows: format.number(progress.rowsRead), estimate: format.number(progress.rowsEstimate) })
          : t("rowsProgressNoEstimate", { rows: format.number(progress.rowsRead) })}
      </p>
    </div>
  );
}

const noSubscription = () => () => {};

function errorCode(body: unknown): string | undefined {
  return body && typeof body === "object" && "error" in body ? (body as { error: { code?: string } }).error.code : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
