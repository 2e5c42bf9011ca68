import { DurationHistogram } from "@/components/charts/duration-histogram";
import { HourlyByCountryChart, type HourPoint } from "@/components/charts/hourly-by-country-chart";
import { IncidentTimelineChart } from "@/components/charts/incident-timeline-chart";
import { EvidencePrintDetails } from "@/components/evidence-pack/evidence-print-details";
import { FactList, Section } from "@/components/evidence-pack/print-section";
import type { EvidencePack, EvidencePackOptions } from "@/lib/evidence-pack/evidence-pack";
import { BASELINE_DAYS } from "@/lib/evidence-pack/baseline";
import type { ReportText } from "@/lib/evidence-pack/report-text";
import { blockWindowLines, coverFacts, summaryFacts, summaryLead } from "@/lib/evidence-pack/summary-text";

// The evidence pack as a printable page: the same gathered data and the same sentences as the PDF
// (lib/evidence-pack), the dashboard's own chart components, page breaks between sections.

export function EvidencePrintDocument({ pack, options, text }: { pack: EvidencePack; options: EvidencePackOptions; text: ReportText }) {
  const m = text.messages;
  const hours = pack.timeline.bucketHours === 1 ? m.pattern.timelineHours : text.fill(m.pattern.timelineHoursMany, { hours: pack.timeline.bucketHours });
  const countryNames = Object.fromEntries(pack.hourOfDay.countries.map((code) => [code, text.country(code)]));
  const hourPoints: HourPoint[] = pack.hourOfDay.points.map((point) => ({ hour: point.hour, usual: point.usual, ...point.byCountry }) as HourPoint);
  return (
    <article className="mx-auto max-w-[190mm] bg-white p-8 text-slate-900 shadow-sm print:max-w-none print:p-0 print:shadow-none" data-evidence-pack lang={text.locale}>
      <header>
        <h1 className="text-2xl font-bold">{m.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{m.subtitle}</p>
      </header>
      <div className="mt-6"><FactList facts={coverFacts(pack, text, options)} /></div>
      <p className="mt-3 text-xs text-slate-600">{text.fill(m.cover.timeZone, { zone: pack.org.timeZone, offset: text.offset(pack.incident.firstCallAt) })}</p>
      {options.mask ? <p className="text-xs text-slate-600">{m.cover.masked}</p> : null}

      <Section title={m.summary.title}>
        <p className="mb-3 text-sm leading-relaxed" data-summary-lead>{summaryLead(pack, text)}</p>
        <FactList facts={summaryFacts(pack, text)} />
        <p className="mt-2 text-xs text-slate-600">{m.summary.estimatedNote}</p>
        <h3 className="mt-4 font-semibold">{m.summary.blockTitle}</h3>
        {blockWindowLines(pack, text).map((line) => <p key={line} className="text-sm">{line}</p>)}
      </Section>

      <Section title={m.pattern.title} breakBefore>
        <h3 className="font-semibold">{text.fill(m.pattern.timeline, { hours })}</h3>
        <IncidentTimelineChart
          data={pack.timeline.points.map((point) => ({ label: `${text.stamp(point.startsAt).slice(5, 13)}:00`, calls: point.calls, usualLow: point.usualLow, usualHigh: point.usualHigh }))}
          labelEvery={Math.max(1, Math.ceil(pack.timeline.points.length / 8))} description={text.fill(m.pattern.timeline, { hours })} callsLabel={m.pattern.calls} usualLabel={m.pattern.usual}
        />
        <p className="text-xs text-slate-600">{text.fill(m.pattern.timelineNote, { days: BASELINE_DAYS })}</p>
        <h3 className="mt-4 font-semibold break-after-avoid">{m.pattern.hourOfDay}</h3>
        <div className="break-inside-avoid"><HourlyByCountryChart data={hourPoints} countries={pack.hourOfDay.countries} countryNames={countryNames} usualLabel={m.pattern.usual} description={m.pattern.hourOfDay} locale={text.locale} /></div>
        <p className="text-xs text-slate-600">{text.fill(m.pattern.hourOfDayNote, { days: BASELINE_DAYS })}</p>
        <h3 className="mt-4 font-semibold break-after-avoid">{m.pattern.durations}</h3>
        <div className="break-inside-avoid"><DurationHistogram data={pack.durations} callsLabel={m.pattern.calls} secondsLabel="s" description={m.pattern.durations} locale={text.locale} /></div>
        <p className="text-xs text-slate-600">{m.pattern.durationsNote}</p>
      </Section>
      <EvidencePrintDetails pack={pack} options={options} text={text} />
    </article>
  );
}
