import { CdrText } from "@/components/ui/cdr-text";
import { EvidenceTable } from "@/components/evidence-pack/evidence-table";
import { FactList, Section } from "@/components/evidence-pack/print-section";
import { carrierLetter, eventLines } from "@/lib/evidence-pack/actions-text";
import { criteriaSections } from "@/lib/evidence-pack/criteria-text";
import type { EvidencePack, EvidencePackOptions } from "@/lib/evidence-pack/evidence-pack";
import { methodParagraphs } from "@/lib/evidence-pack/method-text";
import type { ReportText } from "@/lib/evidence-pack/report-text";

// The print view's sections after the charts: destinations, the criteria, the method, the source
// files, the actions, the letter, and the first calls of the appendix (the PDF lists them all).

export const PRINT_APPENDIX_ROWS = 2_000;

export function EvidencePrintDetails({ pack, options, text }: { pack: EvidencePack; options: EvidencePackOptions; text: ReportText }) {
  const m = text.messages;
  const method = methodParagraphs(pack, text);
  const letter = carrierLetter(pack, options, text);
  const fileIndex = new Map(pack.uploads.map((upload, index) => [upload.id, `F${index + 1}`]));
  return (
    <>
      <Section title={m.pattern.destinations}>
        <EvidenceTable headers={[m.pattern.country, m.pattern.calls, m.pattern.minutes, m.pattern.charges]} numeric={[1, 2, 3]}
          rows={pack.destinations.map((row) => [text.country(row.country), text.number(row.calls), text.number(row.minutes), text.money(row.charge)])} />
        <h3 className="mt-4 font-semibold">{m.pattern.ranges}</h3>
        <EvidenceTable headers={[m.pattern.range, m.pattern.country, m.pattern.calls, m.pattern.distinctNumbers]} numeric={[2, 3]}
          rows={pack.numberRanges.map((row) => [<CdrText key="range" text={`${row.range}…`} />, text.country(row.country), text.number(row.calls), text.number(row.distinctNumbers)])} />
      </Section>

      <Section title={m.criteria.title} breakBefore>
        <p className="text-sm">{m.criteria.intro}</p>
        {criteriaSections(pack, text).map((section) => (
          <div key={section.criterion} className="mt-4 break-inside-avoid" data-criterion={section.criterion}>
            <h3 className="font-semibold">{section.title}</h3>
            <p className="text-xs text-slate-600">{section.text}</p>
            {section.findings.length === 0 && section.measured.length === 0 ? <p className="text-sm">{m.criteria.notObserved}</p> : null}
            <ul className="ml-5 list-disc text-sm">
              {section.findings.map((finding, index) => <li key={index}>[{finding.severity}] {finding.day} · {finding.sentence}</li>)}
              {section.measured.map((line) => <li key={line}>{line}</li>)}
            </ul>
          </div>
        ))}
        <h3 className="mt-4 font-semibold">{m.criteria.monthsTitle}</h3>
        <EvidenceTable headers={[m.criteria.month, m.criteria.internationalCalls, m.criteria.internationalMinutes, m.criteria.callsToIncidentCountries, m.criteria.countries]} numeric={[1, 2, 3, 4]}
          rows={pack.months.map((month) => [month.month, text.number(month.internationalCalls), text.number(month.internationalMinutes), text.number(month.callsToIncidentCountries), text.number(month.countries)])} />
      </Section>

      <Section title={m.method.title}>
        <p className="text-sm">{method.intro}</p>
        <ul className="ml-5 mt-2 list-disc text-sm">{[...method.settings, ...method.rules].map((line) => <li key={line}>{line}</li>)}</ul>
      </Section>

      <Section title={m.provenance.title} breakBefore>
        <p className="text-sm">{m.provenance.intro}</p>
        {pack.uploads.length === 0 ? <p className="text-sm">{m.provenance.none}</p> : null}
        {pack.uploads.map((upload, index) => (
          <div key={upload.id} className="mt-3 break-inside-avoid" data-source-file>
            <p className="font-semibold">F{index + 1} <CdrText text={upload.fileName} /></p>
            <FactList facts={[
              ["SHA-256", upload.sha256 ?? "—"],
              [m.provenance.size, text.number(upload.sizeBytes)],
              [m.provenance.format, [upload.format, upload.encoding].filter(Boolean).join(" / ") || "—"],
              [m.provenance.uploaded, `${text.when(upload.uploadedAt)}${upload.uploader ? ` · ${upload.uploader}` : ""}`],
              [m.provenance.rows, [upload.imported, upload.duplicates, upload.mergedLegs, upload.rejected].map(text.number).join(" / ")],
              [m.provenance.callsInPack, text.number(upload.callsInPack)],
            ]} />
          </div>
        ))}
      </Section>

      <Section title={m.actions.title}>
        <h3 className="font-semibold">{m.actions.doneTitle}</h3>
        {pack.events.length === 0 ? <p className="text-sm">{m.actions.none}</p> : null}
        <ol className="space-y-1 text-sm">
          {eventLines(pack, text).map((event, index) => (
            <li key={index}><span className="text-xs text-slate-500">{event.at} · {event.who}</span><br />{event.text}{event.body ? <span className="whitespace-pre-wrap">: {event.body}</span> : null}</li>
          ))}
        </ol>
        <h3 className="mt-4 font-semibold">{m.actions.recommendedTitle}</h3>
        <ul className="ml-5 list-disc space-y-1 text-sm">{m.actions.recommended.map((line) => <li key={line}>{line}</li>)}</ul>
      </Section>

      <Section title={m.letter.title} breakBefore>
        <div className="space-y-3 text-sm leading-relaxed" data-letter>
          <p>{letter.to}<br />{letter.from}<br />{letter.date}</p>
          <p className="font-semibold">{letter.subject}</p>
          {letter.paragraphs.map((paragraph) => <p key={paragraph}>{paragraph}</p>)}
          <p>{letter.closing}</p>
          <p className="font-semibold">{letter.signature}</p>
        </div>
      </Section>

      <Section title={text.fill(m.appendix.title, { calls: text.number(pack.calls.length) })} breakBefore>
        {pack.calls.length > PRINT_APPENDIX_ROWS ? <p className="text-xs text-slate-600">{text.fill(m.print.appendixLimited, { shown: text.number(PRINT_APPENDIX_ROWS), calls: text.number(pack.calls.length) })}</p> : null}
        <p className="text-xs text-slate-600">{m.appendix.estimated}</p>
        <EvidenceTable dense headers={[text.fill(m.appendix.time, { zone: pack.org.timeZone }), m.appendix.source, m.appendix.destination, m.appendix.country, m.appendix.duration, m.appendix.disposition, m.appendix.charge, m.appendix.file]} numeric={[4, 6]}
          rows={pack.calls.slice(0, PRINT_APPENDIX_ROWS).map((call) => [
            text.stamp(call.startedAt), <CdrText key="s" text={call.source} />, <CdrText key="d" text={call.destination} />, text.country(call.country ?? "??"), String(call.billableSeconds),
            m.dispositions[call.disposition as "answered"] ?? call.disposition, `${text.number(call.charge)}${call.isChargeEstimated ? "*" : ""}`, `${fileIndex.get(call.uploadId) ?? "?"}:${call.rowNumber}`,
          ])} />
      </Section>
    </>
  );
}
