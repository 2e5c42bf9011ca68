import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DurationHistogram } from "@/components/charts/duration-histogram";
import { HourlyByCountryChart, type HourPoint } from "@/components/charts/hourly-by-country-chart";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { CdrText } from "@/components/ui/cdr-text";
import { addDays } from "@/lib/detection/local-days";
import { explainFinding } from "@/lib/detection/explain-finding";
import { orgContextForPage } from "@/lib/http/page-org-context";
import { getDayPage } from "@/lib/queries/day-page";
import { getFlaggedDays } from "@/lib/queries/overview-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("day"))("metaTitle") };
}

const TABLE = "w-full text-left text-sm";
const TH = "py-2 pr-3 font-medium";

// A day, flagged or not: why (findings), in pictures first (calls per hour by country against the
// usual weekday, the durations), then numbers (top destinations and sources, the day's calls).
export default async function DayPage({ params }: { params: Promise<{ orgSlug: string; day: string }> }) {
  const { orgSlug, day } = await params;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) notFound();
  const ctx = await orgContextForPage(orgSlug);
  const t = await getTranslations("day");
  const tSeverity = await getTranslations("overview.severities");
  const format = await getFormatter();
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  const countryName = (code: string) => (code === "other" ? t("otherCountries") : /^[A-Z]{2}$/.test(code) && code !== "ZZ" ? regions.of(code) ?? code : t("unknownCountry"));
  const [data, flagged] = await Promise.all([getDayPage(ctx, day), getFlaggedDays(ctx, day.slice(0, 7) as `${number}-${number}`)]);
  const findings = flagged.find((entry) => entry.day === day);
  const dayLabel = format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: "full", timeZone: "UTC" });
  const base = `/orgs/${ctx.org.slug}`;
  const chartData: HourPoint[] = data.hourly.map((entry) => ({ hour: entry.hour, usual: entry.usual, ...entry.byCountry }) as HourPoint);
  const countryNames = Object.fromEntries(data.countries.map((country) => [country, countryName(country)]));
  const time = (value: Date) => format.dateTime(value, { timeStyle: "medium", timeZone: ctx.org.timeZone });
  const peak = data.durations.reduce((best, bucket) => (bucket.calls > best.calls ? bucket : best), data.durations[0]);
  const answered = data.durations.reduce((total, bucket) => total + bucket.calls, 0);

  return (
    <>
      <PageHeader
        title={dayLabel}
        description={`${ctx.org.name} · ${t("totalCalls", { calls: format.number(data.totalCalls) })}`}
        actions={
          <nav aria-label={t("dayNavigation")} className="flex items-center gap-2 text-sm">
            <Link className="rounded px-2 py-1 hover:bg-slate-200" href={`${base}/days/${addDays(day, -1)}`} aria-label={t("previousDay")}>←</Link>
            <Link className="rounded px-2 py-1 hover:bg-slate-200" href={`${base}?month=${day.slice(0, 7)}`}>{t("month")}</Link>
            <Link className="rounded px-2 py-1 hover:bg-slate-200" href={`${base}/days/${addDays(day, 1)}`} aria-label={t("nextDay")}>→</Link>
          </nav>
        }
      />
      <Card title={t("findingsTitle")}>
        {findings ? (
          <ul className="space-y-1 text-sm" data-list="day-findings">
            {findings.findings.map((finding) => (
              <li key={finding.id} className="flex gap-2">
                <span className="shrink-0"><SeverityBadge severity={finding.severity} label={tSeverity(finding.severity as "low")} /></span>
                <span>{explainFinding({ ruleId: finding.ruleId, day, numbers: finding.numbers, subject: finding.subject }, locale, { timeZone: ctx.org.timeZone, currency: ctx.org.currency })}</span>
              </li>
            ))}
            {findings.incidentId ? <li><Link href={`${base}/incidents/${findings.incidentId}`} className="text-brand-700 hover:underline">{t("openIncident")}</Link></li> : null}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("noFindings")}</p>
        )}
      </Card>
      <Card title={t("hourlyTitle")}>
        <HourlyByCountryChart data={chartData} countries={data.countries} countryNames={countryNames} usualLabel={t("usual")} description={t("hourlyDescription")} locale={locale} />
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-brand-700">{t("hourlyTable")}</summary>
          <table className={`${TABLE} mt-2`} data-table="hourly">
            <thead><tr><th scope="col" className={TH}>{t("hour")}</th>{data.countries.map((country) => <th key={country} scope="col" className={`${TH} text-right`}>{countryName(country)}</th>)}<th scope="col" className={`${TH} text-right`}>{t("usual")}</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {data.hourly.map((entry) => (
                <tr key={entry.hour}><td className="py-1 pr-3">{String(entry.hour).padStart(2, "0")}:00</td>{data.countries.map((country) => <td key={country} className="py-1 pr-3 text-right tabular-nums">{format.number(entry.byCountry[country] ?? 0)}</td>)}<td className="py-1 pr-3 text-right tabular-nums">{format.number(entry.usual)}</td></tr>
              ))}
            </tbody>
          </table>
        </details>
      </Card>
      <Card title={t("durationsTitle")}>
        <p className="mb-2 text-sm text-slate-700" data-duration-peak={peak.from}>{answered === 0 ? t("noAnswered") : t("durationsSummary", { answered: format.number(answered), bucket: peak.bucket, calls: format.number(peak.calls), share: format.number(peak.calls / answered, { style: "percent" }) })}</p>
        <DurationHistogram data={data.durations} callsLabel={t("calls")} secondsLabel={t("seconds")} description={t("durationsDescription")} locale={locale} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("destinationsTitle")}>
          <table className={TABLE} data-table="top-destinations">
            <thead><tr><th scope="col" className={TH}>{t("country")}</th><th scope="col" className={TH}>{t("range")}</th><th scope="col" className={`${TH} text-right`}>{t("calls")}</th><th scope="col" className={`${TH} text-right`}>{t("minutes")}</th><th scope="col" className={`${TH} text-right`}>{t("carrierCost")}</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {data.topDestinations.map((row) => (
                <tr key={`${row.country}${row.prefix}`}><td className="py-1 pr-3">{countryName(row.country)}</td><td className="py-1 pr-3 font-mono text-xs"><CdrText text={`${row.prefix}…`} /></td><td className="py-1 pr-3 text-right tabular-nums">{format.number(row.calls)}</td><td className="py-1 pr-3 text-right tabular-nums">{format.number(row.minutes)}</td><td className="py-1 pr-3 text-right tabular-nums">{row.carrierCost === null ? "—" : format.number(row.carrierCost)}</td></tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title={t("sourcesTitle")}>
          <table className={TABLE} data-table="top-sources">
            <thead><tr><th scope="col" className={TH}>{t("source")}</th><th scope="col" className={TH}>{t("account")}</th><th scope="col" className={`${TH} text-right`}>{t("calls")}</th><th scope="col" className={`${TH} text-right`}>{t("international")}</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {data.topSources.map((row) => (
                <tr key={`${row.source}${row.account ?? ""}`}><td className="py-1 pr-3"><CdrText text={row.source} /></td><td className="py-1 pr-3">{row.account ? <CdrText text={row.account} /> : "—"}</td><td className="py-1 pr-3 text-right tabular-nums">{format.number(row.calls)}</td><td className="py-1 pr-3 text-right tabular-nums">{format.number(row.international)}</td></tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
      <Card title={t("callsTitle", { shown: format.number(data.calls.length), total: format.number(data.totalCalls) })}>
        <table className={TABLE} data-table="day-calls">
          <thead><tr><th scope="col" className={TH}>{t("time")}</th><th scope="col" className={TH}>{t("direction")}</th><th scope="col" className={TH}>{t("source")}</th><th scope="col" className={TH}>{t("destination")}</th><th scope="col" className={TH}>{t("country")}</th><th scope="col" className={TH}>{t("disposition")}</th><th scope="col" className={`${TH} text-right`}>{t("seconds")}</th></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {data.calls.map((call, index) => (
              <tr key={index}><td className="py-1 pr-3 tabular-nums">{time(call.startedAt)}</td><td className="py-1 pr-3">{t(`directions.${call.direction as "outbound"}`)}</td><td className="py-1 pr-3"><CdrText text={call.source} /></td><td className="py-1 pr-3 font-mono text-xs"><CdrText text={call.destination} /></td><td className="py-1 pr-3">{call.country ? countryName(call.country) : "—"}</td><td className="py-1 pr-3">{t(`dispositions.${call.disposition as "answered"}`)}</td><td className="py-1 pr-3 text-right tabular-nums">{format.number(call.billableSeconds)}</td></tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
