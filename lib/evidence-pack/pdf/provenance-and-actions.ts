import "server-only";
import { eventLines } from "@/lib/evidence-pack/actions-text";
import type { EvidencePack } from "@/lib/evidence-pack/evidence-pack";
import { bullets, COLORS, ensureSpace, facts, heading, paragraph, type PdfWriter } from "@/lib/evidence-pack/pdf/pdf-writer";
import { showCdrText } from "@/lib/format/cdr-text";

// The source files with their hashes and row counts, and the actions: what was done, what to do now.

export function drawProvenance(writer: PdfWriter, pack: EvidencePack): void {
  const { text } = writer;
  const { provenance } = text.messages;
  heading(writer, provenance.title);
  paragraph(writer, provenance.intro, { size: 9.5 });
  if (pack.uploads.length === 0) paragraph(writer, provenance.none);
  pack.uploads.forEach((upload, index) => {
    ensureSpace(writer, 120);
    paragraph(writer, `F${index + 1}  ${showCdrText(upload.fileName)}`, { bold: true, size: 10 });
    facts(writer, [
      ["SHA-256", upload.sha256 ?? "—"],
      [provenance.size, text.number(upload.sizeBytes)],
      [provenance.format, [upload.format, upload.encoding].filter(Boolean).join(" / ") || "—"],
      [provenance.uploaded, `${text.when(upload.uploadedAt)}${upload.uploader ? ` · ${upload.uploader}` : ""}`],
      [provenance.rows, [upload.imported, upload.duplicates, upload.mergedLegs, upload.rejected].map(text.number).join(" / ")],
      [provenance.callsInPack, text.number(upload.callsInPack)],
    ], 150);
  });
}

export function drawActions(writer: PdfWriter, pack: EvidencePack): void {
  const { actions } = writer.text.messages;
  heading(writer, actions.title);
  heading(writer, actions.doneTitle, 11);
  const events = eventLines(pack, writer.text);
  if (events.length === 0) paragraph(writer, actions.none, { size: 9.5 });
  for (const event of events) {
    paragraph(writer, `${event.at} · ${event.who}`, { size: 8.5, color: COLORS.muted });
    paragraph(writer, event.body ? `${event.text}: ${showCdrText(event.body)}` : event.text, { size: 9.5 });
  }
  heading(writer, actions.recommendedTitle, 11);
  bullets(writer, actions.recommended, 9.5);
}
