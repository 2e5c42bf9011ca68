import "server-only";
import type { EvidencePack, EvidencePackOptions } from "@/lib/evidence-pack/evidence-pack";
import { drawCover, drawSummary } from "@/lib/evidence-pack/pdf/cover-and-summary";
import { drawCriteria, drawMethod } from "@/lib/evidence-pack/pdf/criteria-section";
import { drawAppendix, drawLetter } from "@/lib/evidence-pack/pdf/letter-and-appendix";
import { drawPattern } from "@/lib/evidence-pack/pdf/pattern-section";
import { COLORS, CONTENT_WIDTH, createPdfWriter, PAGE, type PdfWriter } from "@/lib/evidence-pack/pdf/pdf-writer";
import { drawActions, drawProvenance } from "@/lib/evidence-pack/pdf/provenance-and-actions";
import { reportFonts, type ReportFonts } from "@/lib/evidence-pack/pdf/report-fonts";
import { reportText } from "@/lib/evidence-pack/report-text";

// Render: EvidencePack → PDF bytes with pdfkit (no browser, no network; the Japanese font comes from
// a dependency). Sections in the order a carrier's fraud desk reads them; every page but the cover
// carries the report id and "page n of m".

export async function renderEvidencePdf(pack: EvidencePack, options: EvidencePackOptions, fonts: ReportFonts = reportFonts()): Promise<Buffer> {
  const text = reportText(options.locale, pack.org.timeZone, pack.org.currency);
  const writer = createPdfWriter(text, fonts, `${text.messages.title} · ${pack.reportId}`);
  const done = collect(writer.doc);
  drawCover(writer, pack, options);
  drawSummary(writer, pack);
  writer.doc.addPage();
  drawPattern(writer, pack);
  writer.doc.addPage();
  drawCriteria(writer, pack);
  drawMethod(writer, pack);
  writer.doc.addPage();
  drawProvenance(writer, pack);
  drawActions(writer, pack);
  drawLetter(writer, pack, options);
  drawAppendix(writer, pack);
  drawFooters(writer, pack);
  writer.doc.end();
  return done;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

function drawFooters({ doc, text }: PdfWriter, pack: EvidencePack): void {
  const range = doc.bufferedPageRange();
  const footer = text.fill(text.messages.footer, { reportId: pack.reportId, organization: pack.org.name });
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing below the bottom margin would make pdfkit start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - 36;
    doc.moveTo(PAGE.margin, y - 6).lineTo(PAGE.margin + CONTENT_WIDTH, y - 6).lineWidth(0.4).strokeColor(COLORS.rule).stroke();
    doc.font("regular").fontSize(7.5).fillColor(COLORS.muted);
    doc.text(footer, PAGE.margin, y, { width: CONTENT_WIDTH * 0.75, lineBreak: false });
    doc.text(text.fill(text.messages.page, { page: index + 1, pages: range.count }), PAGE.margin + CONTENT_WIDTH * 0.75, y, { width: CONTENT_WIDTH * 0.25, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
