import "server-only";
import { plainLine, criteriaSections } from "@/lib/evidence-pack/criteria-text";
import type { EvidencePack } from "@/lib/evidence-pack/evidence-pack";
import { methodParagraphs } from "@/lib/evidence-pack/method-text";
import { bullets, COLORS, CONTENT_WIDTH, heading, paragraph, table, type PdfWriter } from "@/lib/evidence-pack/pdf/pdf-writer";

// Why these calls are not normal use (criterion by criterion, with the previous months), and the method.

export function drawCriteria(writer: PdfWriter, pack: EvidencePack): void {
  const { text } = writer;
  const { criteria } = text.messages;
  heading(writer, criteria.title);
  paragraph(writer, criteria.intro, { size: 9.5 });
  for (const section of criteriaSections(pack, text)) {
    heading(writer, section.title, 11);
    paragraph(writer, section.text, { size: 9, color: COLORS.muted });
    if (section.findings.length === 0 && section.measured.length === 0) paragraph(writer, criteria.notObserved, { size: 9 });
    bullets(writer, [...section.findings.map((finding) => plainLine(`[${finding.severity}] ${finding.day} · ${finding.sentence}`)), ...section.measured]);
  }
  heading(writer, criteria.monthsTitle, 11);
  const width = (CONTENT_WIDTH - 70) / 4;
  table(writer, [
    { title: criteria.month, width: 70 }, { title: criteria.internationalCalls, width, align: "right" }, { title: criteria.internationalMinutes, width, align: "right" },
    { title: criteria.callsToIncidentCountries, width, align: "right" }, { title: criteria.countries, width, align: "right" },
  ], pack.months.map((month) => [month.month, text.number(month.internationalCalls), text.number(month.internationalMinutes), text.number(month.callsToIncidentCountries), text.number(month.countries)]), 8.5);
}

export function drawMethod(writer: PdfWriter, pack: EvidencePack): void {
  const method = methodParagraphs(pack, writer.text);
  heading(writer, writer.text.messages.method.title);
  paragraph(writer, method.intro, { size: 9.5 });
  bullets(writer, method.settings, 9);
  bullets(writer, method.rules, 9);
}
