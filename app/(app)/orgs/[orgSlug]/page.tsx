import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CallsPerDayBarChart } from "@/components/charts/calls-per-day-bar-chart";
import { CallsPerDayTable } from "@/components/charts/calls-per-day-table";
import { ChargesPerDayChart } from "@/components/charts/charges-per-day-chart";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import { OutboundByCountryChart } from "@/components/charts/outbound-by-country-chart";
import { FlaggedDaysList, type FlaggedDayDisplay } from "@/components/incidents/flagged-days-list";
import { MonthCalendar } from "@/components/incidents/month-calendar";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { PageHeader } from "@/components/layout/page-header";
import { LoadDemoButton } from "@/components/organizations/load-demo-button";
import { MonthFigures, type MonthFigure } from "@/components/overview/month-figures";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { explainFinding } from "@/lib/detection/explain-finding";
import { addMonths, monthOfInstant, monthsOf, parseMonth, parseMonthRange, previousRange, type MonthKey, type MonthRange } from "@/lib/format/month";
import { mayUpload, orgContextForPage } from "@/lib/http/page-org-context";
import { getMonthOverview, getOpenIncidentsWithReason, type MonthFigures as Figures } from "@/lib/queries/overview-month";
import { getCallsPerDay, getFlaggedDays, getLatestMonthWithCalls } from "@/lib/queries/overview-page";
import { loadDemoAction } from "../demo-actions";

// The month at a glance: headline figures against the month before, a calendar coloured by each
// day's worst finding, open incidents, what looks wrong, and the days by destination and charges.

export default async function OverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ month?: string; from?: string; to?: string }>;
}) {
  const { orgSlug } = await params;
  const ctx = await orgContextForPage(orgSlug);
  const query = await searchParams;
  const requestedRange = parseMonthRange(query.from, query.to);
  const requested = requestedRange?.first ?? parseMonth(query.month);
  const latest = requested ? null : await getLatestMonthWithCalls(ctx);
  const month = requested ?? latest ?? monthOfInstant(new Date(), ctx.org.timeZone);
  const period: MonthRange = requestedRange ?? { first: month, last: month };
  const isRange = period.first !== period.last;
  const months = monthsOf(period);
  const [flagged, perDay, outbound, openIncidents] = await Promise.all([
    getFlaggedDays(ctx, period),
    getCallsPerDay(ctx, period),
    getMonthOverview(ctx, period),
    getOpenIncidentsWithReason(ctx),
  ]);
  const figures = { current: outbound.current, previous: outbound.previous };
  const flaggedByDay = new Map(flagged.map((entry) => [entry.day, entry]));
  const days = perDay.map((entry) => ({ ...entry, isFlagged: flaggedByDay.has(entry.day) }));

  const t = await getTranslations("overview");
  const severities = await getTranslations("overview.severities");
  const incidentText = await getTranslations("incident");
  const format = await getFormatter();
  const locale = await getLocale();
  const explanationLocale = locale === "ja" ? "ja" : "en";
  const nameOfMonth = (key: MonthKey) => format.dateTime(new Date(`${key}-01T00:00:00Z`), { year: "numeric", month: "long", timeZone: "UTC" });
  const nameOfPeriod = (range: MonthRange) => (range.first === range.last ? nameOfMonth(range.first) : t("rangeLabel", { from: nameOfMonth(range.first), to: nameOfMonth(range.last) }));
  const monthName = nameOfPeriod(period);
  const previousName = nameOfPeriod(previousRange(period));
  const shifted = (delta: number) => (isRange ? `?from=${addMonths(period.first, delta * months.length)}&to=${addMonths(period.last, delta * months.length)}` : `?month=${addMonths(month, delta)}`);
  const dayName = (day: string, style: "full" | "medium" = "medium") => format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: style, timeZone: "UTC" });
  const money = (value: number) => format.number(value, { style: "currency", currency: ctx.org.currency, maximumFractionDigits: 0 });
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  const countryName = (code: string) => {
    if (code === "other") return t("other");
    if (code === "ZZ") return t("unknownCountry");
    try {
      return regions.of(code) ?? code;
    } catch {
      return code;
    }
  };
  const total = days.reduce((sum, day) => sum + day.calls, 0);
  const base = `/orgs/${ctx.org.slug}`;
  const explainOptions = { timeZone: ctx.org.timeZone, currency: ctx.org.currency };
  const flaggedDisplay: FlaggedDayDisplay[] = flagged.map((entry) => ({
    day: entry.day,
    dayLabel: dayName(entry.day, "full"),
    worstSeverity: entry.worstSeverity,
    severityLabel: severities(entry.worstSeverity),
    href: `${base}/days/${entry.day}`,
    incident: entry.incidentId ? { href: `${base}/incidents/${entry.incidentId}`, label: t("openIncident") } : null,
    findings: entry.findings.map((finding) => ({
      id: finding.id,
      severity: finding.severity,
      severityLabel: severities(finding.severity as "low"),
      text: explainFinding({ ruleId: finding.ruleId, day: entry.day, numbers: finding.numbers, subject: finding.subject }, explanationLocale, explainOptions),
    })),
  }));

  const monthlyFigures = figureRows(figures, {
    label: (id) => t(`figures.${id}`),
    value: (id, value) => (id === "estimatedCost" ? money(value) : format.number(value)),
    previous: (value) => t("comparison", { month: previousName, value }),
    change: (current, previous) => {
      if (current === previous) return isRange ? t("changeSameRange") : t("changeSame");
      if (previous === 0) return isRange ? t("changeNewRange") : t("changeNew");
      const percent = format.number(Math.abs(current - previous) / previous, { style: "percent", maximumFractionDigits: 0 });
      if (isRange) return current > previous ? t("changeUpRange", { percent }) : t("changeDownRange", { percent });
      return current > previous ? t("changeUp", { percent }) : t("changeDown", { percent });
    },
  });

  return (
    <>
      <PageHeader
        title={ctx.org.name}
        description={t("title")}
        actions={
          <nav aria-label={t("monthLabel")} className="flex items-center gap-2 text-sm">
            <Link className="rounded px-2 py-1 hover:bg-slate-200" href={`${base}${shifted(-1)}`} aria-label={isRange ? t("previousRange") : t("previousMonth")}>←</Link>
            <span className="min-w-32 text-center font-medium" aria-live="polite" data-month={isRange ? `${period.first}..${period.last}` : month}>{monthName}</span>
            <Link className="rounded px-2 py-1 hover:bg-slate-200" href={`${base}${shifted(1)}`} aria-label={isRange ? t("nextRange") : t("nextMonth")}>→</Link>
          </nav>
        }
      />
      <form method="get" action={base} className="flex flex-wrap items-end gap-3 text-sm" aria-label={t("rangeFormLabel")} data-form="overview-range">
        <div>
          <label htmlFor="range-from" className="block text-xs font-medium text-slate-600">{t("rangeFrom")}</label>
          <input id="range-from" name="from" type="month" defaultValue={period.first} className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1" />
        </div>
        <div>
          <label htmlFor="range-to" className="block text-xs font-medium text-slate-600">{t("rangeTo")}</label>
          <input id="range-to" name="to" type="month" defaultValue={period.last} className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1" />
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-100">{t("rangeShow")}</button>
        {isRange ? <Link className="text-brand-700 hover:underline" href={`${base}?month=${period.last}`}>{t("rangeSingle")}</Link> : null}
        <span className="text-xs text-slate-500">{t("rangeHelp")}</span>
      </form>
      {total === 0 ? (
        <Card>
          <h2 className="text-lg font-semibold">{latest === null && !requested ? t("emptyOrgTitle") : t("emptyTitle", { month: monthName })}</h2>
          <p className="mt-2 max-w-2xl text-sm text-slate-600">{t("emptyBody")}</p>
          {mayUpload(ctx) ? <ButtonLink className="mt-4" href={`${base}/uploads/new`}>{t("uploadCta")}</ButtonLink> : null}
          {latest === null && !requested ? (
            <form action={loadDemoAction} className="mt-6 border-t border-slate-200 pt-4">
              <p className="mb-3 max-w-2xl text-sm text-slate-600">{t("demoBody")}</p>
              <LoadDemoButton label={t("demoCta")} pendingLabel={t("demoLoading")} />
            </form>
          ) : null}
        </Card>
      ) : (
        <div className="space-y-6">
          <MonthFigures figures={monthlyFigures} />
          <div className="grid gap-6 lg:grid-cols-5">
            <Card title={t("calendarTitle")} className="lg:col-span-3">
              <div className={isRange ? "grid gap-6 sm:grid-cols-2" : undefined}>
                {months.map((calendarMonth) => (
                  <div key={calendarMonth}>
                    {isRange ? <h3 className="mb-1 text-sm font-semibold text-slate-700">{nameOfMonth(calendarMonth)}</h3> : null}
                    <MonthCalendar
                      caption={t("calendarCaption", { month: nameOfMonth(calendarMonth) })}
                      weekdayNames={Array.from({ length: 7 }, (_, index) => format.dateTime(new Date(Date.UTC(2026, 1, 1 + index)), { weekday: "short", timeZone: "UTC" }))}
                      legend={(["critical", "high", "medium"] as const).map((severity) => ({ severity, label: severities(severity) }))}
                      days={days.filter((day) => day.day.startsWith(calendarMonth)).map((day) => {
                        const severity = flaggedByDay.get(day.day)?.worstSeverity ?? null;
                        return { day: day.day, calls: day.calls, severity, href: `${base}/days/${day.day}`, label: t("calendarDay", { date: dayName(day.day, "full"), calls: day.calls, severity: severity ? severities(severity) : t("calendarNoFinding") }) };
                      })}
                    />
                  </div>
                ))}
              </div>
            </Card>
            <Card title={t("openIncidentsTitle")} className="lg:col-span-2">
              {openIncidents.length === 0 ? <p className="text-sm text-slate-600">{t("openIncidentsNone")}</p> : (
                <ul className="space-y-3" data-list="open-incidents">
                  {openIncidents.map((incident) => (
                    <li key={incident.id} className="text-sm">
                      <div className="flex items-center gap-2">
                        <SeverityBadge severity={incident.severity} label={severities(incident.severity as "low")} />
                        <Link className="font-medium text-brand-700 hover:underline" href={`${base}/incidents/${incident.id}`}>
                          {format.dateTimeRange(incident.firstCallAt, incident.lastCallAt, { dateStyle: "medium", timeZone: ctx.org.timeZone })}
                        </Link>
                      </div>
                      <p className="mt-1 text-slate-700">{t("incidentLine", { calls: incident.calls, destinations: topDestinations(incident.destinations, countryName, locale), cost: money(incident.estimatedCost), status: incidentText(`statuses.${incident.status as "open"}`) })}</p>
                      {incident.finding ? <p className="mt-1 text-slate-600">{explainFinding(incident.finding, explanationLocale, explainOptions)}</p> : null}
                    </li>
                  ))}
                </ul>
              )}
              <Link className="mt-3 inline-block text-sm text-brand-700 hover:underline" href={`${base}/incidents`}>{t("allIncidents")}</Link>
            </Card>
          </div>
          <Card title={t("outboundTitle")}>
            <OutboundByCountryChart
              data={outbound.days}
              countries={outbound.countries}
              countryNames={Object.fromEntries(outbound.countries.map((country) => [country, countryName(country)]))}
              flaggedDays={flagged.map((entry) => entry.day)}
              description={t("outboundDescription", { month: monthName })}
              locale={locale}
            />
            <ChartDataTable
              caption={t("outboundTableCaption", { month: monthName })}
              dataTable="outbound-by-country"
              columns={[{ label: t("day") }, ...outbound.countries.map((country) => ({ label: countryName(country), isNumber: true })), { label: t("total"), isNumber: true }]}
              rows={outbound.days.filter((day) => day.total > 0).map((day) => ({
                key: day.day,
                isFlagged: flaggedByDay.has(day.day),
                cells: [dayName(day.day), ...outbound.countries.map((country) => format.number(Number(day[country] ?? 0))), format.number(day.total)],
              }))}
            />
          </Card>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title={t("chartTitle")}>
              <CallsPerDayBarChart data={days} locale={locale} callsLabel={t("calls")} description={t("chartDescription", { month: monthName, total })} />
              {flagged.length > 0 ? <p className="mt-2 text-xs text-slate-600">{t("flaggedLegend")}</p> : null}
              <CallsPerDayTable
                days={days.filter((day) => day.calls > 0)}
                caption={t("tableCaption", { month: monthName })}
                labels={{ day: t("day"), calls: t("calls"), total: t("total"), flagged: t("flaggedMark") }}
                formatDay={(day) => dayName(day)}
                formatCount={(value) => format.number(value)}
              />
            </Card>
            <Card title={t("chargesTitle")}>
              <ChargesPerDayChart
                data={outbound.days.map((day) => ({ day: day.day, estimatedCost: day.estimatedCost, isFlagged: flaggedByDay.has(day.day) }))}
                currency={ctx.org.currency}
                label={t("charges")}
                description={t("chargesDescription", { month: monthName })}
                locale={locale}
              />
              <ChartDataTable
                caption={t("chargesTableCaption", { month: monthName })}
                dataTable="charges-per-day"
                columns={[{ label: t("day") }, { label: t("charges"), isNumber: true }]}
                rows={outbound.days.filter((day) => day.estimatedCost > 0).map((day) => ({ key: day.day, isFlagged: flaggedByDay.has(day.day), cells: [dayName(day.day), money(day.estimatedCost)] }))}
              />
            </Card>
          </div>
          <Card title={isRange ? t("flaggedTitleRange") : t("flaggedTitle")}>
            {flaggedDisplay.length === 0 ? <p className="text-sm text-slate-600">{t("flaggedNone")}</p> : <FlaggedDaysList days={flaggedDisplay} />}
          </Card>
        </div>
      )}
    </>
  );
}

/** "Sierra Leone, Guinea" — the incident's two main destinations. */
function topDestinations(destinations: Record<string, number>, countryName: (code: string) => string, locale: string): string {
  const names = Object.entries(destinations).sort((a, b) => b[1] - a[1]).slice(0, 2).map(([code]) => countryName(/^[A-Z]{2}$/.test(code) ? code : "ZZ"));
  return names.join(locale === "ja" ? "・" : ", ");
}

type FigureId = keyof Figures;
const FIGURE_IDS: { key: FigureId; testId: string }[] = [
  { key: "calls", testId: "total-calls" },
  { key: "outboundInternational", testId: "outbound-international" },
  { key: "minutes", testId: "minutes" },
  { key: "estimatedCost", testId: "estimated-cost" },
  { key: "flaggedDays", testId: "flagged-days" },
];

function figureRows(
  figures: { current: Figures; previous: Figures },
  text: { label: (id: FigureId) => string; value: (id: FigureId, value: number) => string; previous: (value: string) => string; change: (current: number, previous: number) => string },
): MonthFigure[] {
  return FIGURE_IDS.map(({ key, testId }) => {
    const current = figures.current[key];
    const previous = figures.previous[key];
    return {
      id: testId,
      label: text.label(key),
      value: text.value(key, current),
      previous: text.previous(text.value(key, previous)),
      change: text.change(current, previous),
      isUp: current === previous ? null : current > previous,
      isWarning: key === "flaggedDays" && current > 0,
    };
  });
}
