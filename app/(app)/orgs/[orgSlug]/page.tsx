import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CallsPerDayBarChart } from "@/components/charts/calls-per-day-bar-chart";
import { CallsPerDayTable } from "@/components/charts/calls-per-day-table";
import { PageHeader } from "@/components/layout/page-header";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { addMonths, monthOfInstant, parseMonth } from "@/lib/format/month";
import { mayUpload, orgContextForPage } from "@/lib/http/page-org-context";
import { getCallsPerDay, getFlaggedDays, getLatestMonthWithCalls } from "@/lib/queries/overview-page";
import { explainFinding } from "@/lib/detection/explain-finding";
import { FlaggedDaysList, type FlaggedDayDisplay } from "@/components/incidents/flagged-days-list";

export default async function OverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ month?: string }>;
}) {
  const { orgSlug } = await params;
  const ctx = await orgContextForPage(orgSlug);
  const requested = parseMonth((await searchParams).month);
  const latest = requested ? null : await getLatestMonthWithCalls(ctx);
  const month = requested ?? latest ?? monthOfInstant(new Date(), ctx.org.timeZone);
  const flagged = await getFlaggedDays(ctx, month);
  const flaggedSet = new Set(flagged.map((entry) => entry.day));
  const days = (await getCallsPerDay(ctx, month)).map((entry) => ({ ...entry, isFlagged: flaggedSet.has(entry.day) }));

  const t = await getTranslations("overview");
  const format = await getFormatter();
  const locale = await getLocale();
  const monthName = format.dateTime(new Date(`${month}-01T00:00:00Z`), { year: "numeric", month: "long", timeZone: "UTC" });
  const total = days.reduce((sum, day) => sum + day.calls, 0);
  const daysWithCalls = days.filter((day) => day.calls > 0).length;
  const base = `/orgs/${ctx.org.slug}`;
  const severities = await getTranslations("overview.severities");
  const explainOptions = { timeZone: ctx.org.timeZone, currency: ctx.org.currency };
  const flaggedDisplay: FlaggedDayDisplay[] = flagged.map((entry) => ({
    day: entry.day,
    dayLabel: format.dateTime(new Date(`${entry.day}T00:00:00Z`), { dateStyle: "full", timeZone: "UTC" }),
    worstSeverity: entry.worstSeverity,
    severityLabel: severities(entry.worstSeverity),
    href: `${base}/days/${entry.day}`,
    incident: entry.incidentId ? { href: `${base}/incidents/${entry.incidentId}`, label: t("openIncident") } : null,
    findings: entry.findings.map((finding) => ({
      id: finding.id,
      severity: finding.severity,
      severityLabel: severities(finding.severity as "low"),
      text: explainFinding({ ruleId: finding.ruleId, day: entry.day, numbers: finding.numbers, subject: finding.subject }, locale === "ja" ? "ja" : "en", explainOptions),
    })),
  }));

  return (
    <>
      <PageHeader
        title={ctx.org.name}
        description={t("title")}
        actions={
          <nav aria-label={t("monthLabel")} className="flex items-center gap-2 text-sm">
            <Link className="rounded px-2 py-1 hover:bg-slate-200" href={`${base}?month=${addMonths(month, -1)}`} aria-label={t("previousMonth")}>←</Link>
            <span className="min-w-32 text-center font-medium" aria-live="polite" data-month={month}>{monthName}</span>
            <Link className="rounded px-2 py-1 hover:bg-slate-200" href={`${base}?month=${addMonths(month, 1)}`} aria-label={t("nextMonth")}>→</Link>
          </nav>
        }
      />
      {total === 0 ? (
        <Card>
          <h2 className="text-lg font-semibold">{latest === null && !requested ? t("emptyOrgTitle") : t("emptyTitle", { month: monthName })}</h2>
          <p className="mt-2 max-w-2xl text-sm text-slate-600">{t("emptyBody")}</p>
          {mayUpload(ctx) ? <ButtonLink className="mt-4" href={`${base}/uploads/new`}>{t("uploadCta")}</ButtonLink> : null}
        </Card>
      ) : (
        <div className="space-y-6">
          <dl className="grid gap-4 sm:grid-cols-3">
            <Figure label={t("totalCalls")} value={format.number(total)} testId="total-calls" />
            <Figure label={t("daysWithCalls")} value={format.number(daysWithCalls)} testId="days-with-calls" />
            <Figure label={t("flaggedDays")} value={format.number(flagged.length)} testId="flagged-days" />
          </dl>
          <Card title={t("flaggedTitle")}>
            {flaggedDisplay.length === 0 ? <p className="text-sm text-slate-600">{t("flaggedNone")}</p> : <FlaggedDaysList days={flaggedDisplay} />}
          </Card>
          <Card title={t("chartTitle")}>
            <CallsPerDayBarChart
              data={days}
              locale={locale}
              callsLabel={t("calls")}
              description={t("chartDescription", { month: monthName, total })}
            />
            {flagged.length > 0 ? <p className="mt-2 text-xs text-slate-600">{t("flaggedLegend")}</p> : null}
            <CallsPerDayTable
              days={days.filter((day) => day.calls > 0)}
              caption={t("tableCaption", { month: monthName })}
              labels={{ day: t("day"), calls: t("calls"), total: t("total"), flagged: t("flaggedMark") }}
              formatDay={(day) => format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })}
              formatCount={(value) => format.number(value)}
            />
          </Card>
        </div>
      )}
    </>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );
}
