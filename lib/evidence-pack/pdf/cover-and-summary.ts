import "server-only";
import type { EvidencePack, EvidencePackOptions } from "@/lib/evidence-pack/evidence-pack";
import { COLORS, CONTENT_WIDTH, facts, heading, PAGE, paragraph, type PdfWriter } from "@/lib/evidence-pack/pdf/pdf-writer";
import { blockWindowLines, coverFacts, summaryFacts, summaryLead } from "@/lib/evidence-pack/summary-text";

// Page 1: the cover (who, which lines, which period, which report) and the summary in plain words.

export function drawCover(writer: PdfWriter, pack: EvidencePack, options: EvidencePackOptions): void {
  const { doc, text } = writer;
  const { cover } = text.messages;
  doc.rect(0, 0, PAGE.width, 8).fill(COLORS.accent);
  doc.font("bold").fontSize(20).fillColor(COLORS.text).text(text.messages.title, PAGE.margin, 56, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
  paragraph(writer, text.messages.subtitle, { color: COLORS.muted, size: 10 });
  doc.moveDown(0.5);
  facts(writer, coverFacts(pack, text, options));
  doc.moveDown(0.3);
  paragraph(writer, text.fill(cover.timeZone, { zone: pack.org.timeZone, offset: text.offset(pack.incident.firstCallAt) }), { size: 9, color: COLORS.muted });
  if (options.mask) paragraph(writer, cover.masked, { size: 9, color: COLORS.muted });
  paragraph(writer, text.messages.contents, { size: 9, color: COLORS.muted });
}

export function drawSummary(writer: PdfWriter, pack: EvidencePack): void {
  const { summary } = writer.text.messages;
  heading(writer, summary.title);
  paragraph(writer, summaryLead(pack, writer.text));
  facts(writer, summaryFacts(pack, writer.text));
  paragraph(writer, summary.estimatedNote, { size: 8.5, color: COLORS.muted });
  heading(writer, summary.blockTitle, 11);
  for (const line of blockWindowLines(pack, writer.text)) paragraph(writer, line, { size: 9.5 });
}
