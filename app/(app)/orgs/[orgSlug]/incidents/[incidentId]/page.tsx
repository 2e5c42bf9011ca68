import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import { IncidentHoursChart } from "@/components/charts/incident-hours-chart";
import { getIncidentTimeline, type TimelineHour } from "@/lib/queries/incident-timeline";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { hasPermission } from "@/lib/db/org-context";
import { explainFinding } from "@/lib/detection/explain-finding";
import { incidentFormatTools } from "@/lib/http/incident-table-text";
import { orgContextForPage } from "@/lib/http/page-org-context";
import { INCIDENT_STATUSES } from "@/lib/incidents/update-incident.schema";
import { getIncidentPage } from "@/lib/queries/incident-page";
import { updateIncidentAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incident"))("listTitle") };
}

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
const ERRORS = ["block_before_request", "block_not_requested", "not_a_destination", "invalid_incident_change", "forbidden"] as const;

/** "2026-03-14T09:10" in the organization's zone, for datetime-local inputs. */
function localInputValue(instant: Date | null, timeZone: string): string {
  if (!instant) return "";
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

// One incident: what happened (totals, findings with their sentences), what was done (history,
// block window), and — for analysts and up — the form to record status, notes and the block.
export default async function IncidentPage({ params, searchParams }: { params: Promise<{ orgSlug: string; incidentId: string }>; searchParams: Promise<{ saved?: string; error?: string }> }) {
  const { orgSlug, incidentId } = await params;
  const { saved, error } = await searchParams;
  const ctx = await orgContextForPage(orgSlug);
  const incident = await getIncidentPage(ctx, incidentId);
  if (!incident) notFound();
  const t = await getTranslations("incident");
  const tSeverity = await getTranslations("overview.severities");
  const tChannelKind = await getTranslations("alerts.kinds");
  const format = await getFormatter();
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const tools = await incidentFormatTools(ctx.org.timeZone, format, locale);
  const zone = ctx.org.timeZone;
  const { when, country } = tools;
  const money = (value: number) => tools.money(value, incident.currency);
  const mayWork = hasPermission(ctx.actor, "triage");
  const mayExport = hasPermission(ctx.actor, "export");
  const evidenceQuery = `lang=${locale}`;
  const errorText = error ? t(`errors.${(ERRORS as readonly string[]).includes(error) ? (error as (typeof ERRORS)[number]) : "invalid_incident_change"}`) : null;
  const byDay = new Map<string, typeof incident.findings>();
  for (const finding of incident.findings) byDay.set(finding.day, [...(byDay.get(finding.day) ?? []), finding]);
  const explainOptions = { timeZone: zone, currency: ctx.org.currency };
  const timeline = await getIncidentTimeline(ctx, incident);
  const timelineDays = dailyTotals(timeline, zone, (day) => format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }));
  const statusLabel = (status: string) => (INCIDENT_STATUSES as readonly string[]).includes(status) ? t(`statuses.${status as (typeof INCIDENT_STATUSES)[number]}`) : status;

  return (
    <>
      <PageHeader
        title={t("title", { period: `${when(incident.firstCallAt)} – ${when(incident.lastCallAt)}` })}
        description={`${ctx.org.name} · ${t("status")}: ${statusLabel(incident.status)}`}
        actions={<SeverityBadge severity={incident.severity} label={tSeverity(incident.severity)} />}
      />
      {saved ? <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800">{t("saved")}</p> : null}
      {errorText ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{errorText}</p> : null}

      <Card>
        <dl className="grid gap-4 text-sm sm:grid-cols-4" data-incident-summary>
          <div><dt className="text-slate-600">{t("calls")}</dt><dd className="text-2xl font-semibold tabular-nums" data-testid="incident-calls">{format.number(incident.calls)}</dd></div>
          <div><dt className="text-slate-600">{t("cost")}</dt><dd className="text-2xl font-semibold tabular-nums">{money(incident.estimatedCost)}</dd></div>
          <div className="sm:col-span-2"><dt className="text-slate-600">{t("destinations")}</dt><dd>{incident.destinations.length === 0 ? "—" : incident.destinations.map(([code, calls]) => `${country(code)} ${format.number(calls)}`).join(", ")}</dd></div>
        </dl>
      </Card>

      <Card title={t("timelineTitle")}>
        <IncidentHoursChart
          hours={timeline}
          period={{ from: incident.firstCallAt.toISOString(), to: incident.lastCallAt.toISOString() }}
          block={{ requested: incident.blockRequestedAt?.toISOString() ?? null, completed: incident.blockCompletedAt?.toISOString() ?? null }}
          labels={{ suspicious: t("timelineSuspicious"), other: t("timelineOther"), requested: t("timelineRequested"), completed: t("timelineCompleted") }}
          description={t("timelineDescription", { zone })}
          locale={locale}
          timeZone={zone}
        />
        <ChartDataTable
          caption={t("timelineTable")}
          dataTable="incident-timeline"
          columns={[{ label: t("timelineDay") }, { label: t("timelineSuspicious"), isNumber: true }, { label: t("timelineOther"), isNumber: true }]}
          rows={timelineDays.map((day) => ({ key: day.day, isFlagged: day.suspicious > 0, cells: [day.label, format.number(day.suspicious), format.number(day.other)] }))}
        />
      </Card>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("findingsTitle")}>
            <ol className="space-y-4">
              {[...byDay.entries()].map(([day, findings]) => (
                <li key={day}>
                  <h3 className="font-semibold"><Link href={`/orgs/${ctx.org.slug}/days/${day}`} className="hover:underline">{format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: "full", timeZone: "UTC" })}</Link></h3>
                  <ul className="mt-2 space-y-1 text-sm">
                    {findings.map((finding) => (
                      <li key={finding.id} className="flex gap-2">
                        <span className="shrink-0"><SeverityBadge severity={finding.severity} label={tSeverity(finding.severity as "low")} /></span>
                        <span>{explainFinding({ ruleId: finding.ruleId, day, numbers: finding.numbers, subject: finding.subject }, locale, explainOptions)}</span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </Card>
          <Card title={t("historyTitle")}>
            <ol className="space-y-3 text-sm" data-list="incident-history">
              {incident.events.map((event) => (
                <li key={event.id} className="border-l-2 border-slate-200 pl-3" data-event={event.kind}>
                  <p className="text-xs text-slate-500">{when(event.at)} · {event.actor ? t("events.by", { name: event.actor }) : t("events.bySystem")}</p>
                  <p>{describeEvent(event, { t, tSeverity, tChannelKind, statusLabel, when, country })}</p>
                  {event.body ? <p className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2">{event.body}</p> : null}
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div className="space-y-6">
          {mayExport ? (
            <Card title={t("evidenceTitle")}>
              <p className="text-sm text-slate-600">{t("evidenceHelp")}</p>
              <ul className="mt-3 space-y-2 text-sm font-medium" data-list="evidence">
                <li><a href={`/api/orgs/${ctx.org.id}/incidents/${incident.id}/evidence-pack?${evidenceQuery}`} download className="text-brand-700 hover:underline">{t("evidencePdf")}</a></li>
                <li><a href={`/api/orgs/${ctx.org.id}/incidents/${incident.id}/evidence-bundle?${evidenceQuery}`} download className="text-brand-700 hover:underline">{t("evidenceBundle")}</a></li>
                <li><Link href={`/orgs/${ctx.org.slug}/incidents/${incident.id}/print?${evidenceQuery}`} className="text-brand-700 hover:underline">{t("evidencePrint")}</Link></li>
              </ul>
            </Card>
          ) : null}
          <Card title={t("blockTitle")}>
            {incident.blockWindow ? (
              <div className="space-y-1 text-sm" data-block-window>
                <p>{t("blockRequested", { at: when(new Date(incident.blockWindow.requestedAt)) })}</p>
                <p>{incident.blockWindow.completedAt ? t("blockCompleted", { at: when(new Date(incident.blockWindow.completedAt)) }) : t("blockPending")}</p>
                <p className="font-medium">{t("blockWindow", { calls: format.number(incident.blockWindow.calls), cost: money(incident.blockWindow.estimatedCost), until: incident.blockWindow.completedAt ? t("blockUntilCompleted") : t("blockUntilNow") })}</p>
              </div>
            ) : (
              <p className="text-sm text-slate-600">{t("blockNone")}</p>
            )}
          </Card>
          <Card title={t("actionsTitle")}>
            {mayWork ? (
              <form action={updateIncidentAction.bind(null, ctx.org.slug, incident.id, incident.status)} className="space-y-4 text-sm">
                <div>
                  <label htmlFor="incident-status" className="font-medium">{t("changeStatus")}</label>
                  <select id="incident-status" name="status" defaultValue={incident.status} className={FIELD}>
                    {INCIDENT_STATUSES.map((status) => <option key={status} value={status}>{statusLabel(status)}</option>)}
                  </select>
                </div>
                {incident.destinations.some(([code]) => /^[A-Z]{2}$/.test(code) && code !== "ZZ") ? (
                  <fieldset>
                    <legend className="font-medium">{t("allowTitle")}</legend>
                    <p className="text-xs text-slate-600">{t("allowHelp")}</p>
                    {incident.destinations.filter(([code]) => /^[A-Z]{2}$/.test(code) && code !== "ZZ").map(([code]) => (
                      <label key={code} className="mt-1 flex items-center gap-2"><input type="checkbox" name="allowCountries" value={code} /> {country(code)}</label>
                    ))}
                  </fieldset>
                ) : null}
                <div>
                  <label htmlFor="incident-note" className="font-medium">{t("note")}</label>
                  <textarea id="incident-note" name="note" rows={3} maxLength={4000} placeholder={t("notePlaceholder")} className={FIELD} />
                </div>
                <div>
                  <label htmlFor="incident-block-requested" className="font-medium">{t("blockRequestedAt")}</label>
                  <input id="incident-block-requested" name="blockRequestedAt" type="datetime-local" defaultValue={localInputValue(incident.blockRequestedAt, zone)} className={FIELD} />
                </div>
                <div>
                  <label htmlFor="incident-block-completed" className="font-medium">{t("blockCompletedAt")}</label>
                  <input id="incident-block-completed" name="blockCompletedAt" type="datetime-local" defaultValue={localInputValue(incident.blockCompletedAt, zone)} className={FIELD} />
                  <p className="mt-1 text-xs text-slate-600">{t("timesIn", { zone })}</p>
                </div>
                <Button type="submit">{t("save")}</Button>
              </form>
            ) : (
              <p className="text-sm text-slate-600">{t("readOnly")}</p>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

type Describe = {
  t: Awaited<ReturnType<typeof getTranslations<"incident">>>;
  tSeverity: Awaited<ReturnType<typeof getTranslations<"overview.severities">>>;
  tChannelKind: Awaited<ReturnType<typeof getTranslations<"alerts.kinds">>>;
  statusLabel: (status: string) => string;
  when: (value: Date) => string;
  country: (code: string) => string;
};

/** The timeline's hours summed per organization-local day, for its table. */
function dailyTotals(hours: TimelineHour[], timeZone: string, label: (day: string) => string) {
  const dayOf = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const days = new Map<string, { day: string; label: string; suspicious: number; other: number }>();
  for (const hour of hours) {
    const day = dayOf.format(new Date(hour.hourStart));
    const entry = days.get(day) ?? { day, label: label(day), suspicious: 0, other: 0 };
    entry.suspicious += hour.suspicious;
    entry.other += hour.other;
    days.set(day, entry);
  }
  return [...days.values()];
}

function describeEvent(event: { kind: string; details: Record<string, unknown> }, { t, tSeverity, tChannelKind, statusLabel, when, country }: Describe): string {
  const details = event.details;
  const severity = (value: unknown) => tSeverity(String(value) as "low");
  switch (event.kind) {
    case "opened":
      return t("events.opened", { severity: severity(details.severity) });
    case "escalated":
      return t("events.escalated", { from: severity(details.from), to: severity(details.to) });
    case "status_changed": {
      const allowed = Array.isArray(details.allowedCountries) ? (details.allowedCountries as string[]) : [];
      const values = { from: statusLabel(String(details.from)), to: statusLabel(String(details.to)) };
      return allowed.length > 0 ? t("events.status_changed_allowed", { ...values, countries: allowed.map(country).join(", ") }) : t("events.status_changed", values);
    }
    case "block_requested":
      return t("events.block_requested", { at: when(new Date(String(details.at))) });
    case "block_completed":
      return t("events.block_completed", { at: when(new Date(String(details.at))) });
    case "alert_sent":
    case "alert_failed": {
      const values = { channel: String(details.channel), kind: tChannelKind(String(details.kind) as "email"), attempt: Number(details.attempt), reason: String(details.reason ?? "") };
      if (event.kind === "alert_sent") return t("events.alert_sent", values);
      return details.willRetry ? t("events.alert_failed_retry", values) : t("events.alert_failed", values);
    }
    default:
      return t("events.note");
  }
}
