import "server-only";
import { carrierLetter } from "@/lib/evidence-pack/actions-text";
import type { EvidencePack, EvidencePackOptions } from "@/lib/evidence-pack/evidence-pack";
import { CONTENT_WIDTH, heading, PAGE, paragraph, table, type Column, type PdfWriter } from "@/lib/evidence-pack/pdf/pdf-writer";
import { showCdrText } from "@/lib/format/cdr-text";

// The cover letter to the carrier on a page of its own, then every call of the incident: time with
// its zone, source, destination, country, duration, result, charge, and the file and row it came from.

export function drawLetter(writer: PdfWriter, pack: EvidencePack, options: EvidencePackOptions): void {
  const { doc, text } = writer;
  doc.addPage();
  heading(writer, text.messages.letter.title);
  const letter = carrierLetter(pack, options, text);
  doc.moveDown(0.5);
  for (const line of [letter.to, letter.from, letter.date]) paragraph(writer, line);
  doc.moveDown(0.5);
  paragraph(writer, letter.subject, { bold: true, size: 11 });
  doc.moveDown(0.3);
  for (const body of letter.paragraphs) paragraph(writer, body, { size: 10.5 });
  doc.moveDown(1);
  paragraph(writer, letter.closing);
  paragraph(writer, letter.signature, { bold: true });
}

const APPENDIX_WIDTHS = [90, 52, 82, 66, 30, 50, 50];

export function drawAppendix(writer: PdfWriter, pack: EvidencePack): void {
  const { doc, text } = writer;
  const { appendix } = text.messages;
  doc.addPage();
  heading(writer, text.fill(appendix.title, { calls: text.number(pack.calls.length) }));
  paragraph(writer, appendix.estimated, { size: 8 });
  const fileIndex = new Map(pack.uploads.map((upload, index) => [upload.id, `F${index + 1}`]));
  const titles = [text.fill(appendix.time, { zone: pack.org.timeZone }), appendix.source, appendix.destination, appendix.country, appendix.duration, appendix.disposition, appendix.charge];
  const used = APPENDIX_WIDTHS.reduce((sum, width) => sum + width, 0);
  const columns: Column[] = [...titles.map((title, index) => ({ title, width: APPENDIX_WIDTHS[index], align: index === 5 ? ("center" as const) : index >= 4 ? ("right" as const) : ("left" as const) })), { title: appendix.file, width: CONTENT_WIDTH - used }];
  const money = new Intl.NumberFormat(text.locale, { maximumFractionDigits: 1 });
  table(writer, columns, pack.calls.map((call) => [
    text.stamp(call.startedAt),
    showCdrText(call.source),
    showCdrText(call.destination),
    text.country(call.country ?? "??"),
    String(call.billableSeconds),
    text.messages.dispositions[call.disposition as "answered"] ?? call.disposition,
    `${money.format(call.charge)}${call.isChargeEstimated ? "*" : ""}`,
    `${fileIndex.get(call.uploadId) ?? "?"}:${call.rowNumber}`,
  ]), 7);
  doc.x = PAGE.margin;
}
