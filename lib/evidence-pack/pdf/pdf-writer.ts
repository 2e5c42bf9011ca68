import "server-only";
import PDFDocument from "pdfkit";
import type { ReportText } from "@/lib/evidence-pack/report-text";
import type { ReportFonts } from "@/lib/evidence-pack/pdf/report-fonts";

// The page and the few text primitives every section uses: A4, Noto Sans JP, headings, paragraphs,
// label/value lists and tables that continue on the next page with their header repeated.

export const PAGE = { width: 595.28, height: 841.89, margin: 48, bottom: 60 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const COLORS = { text: "#0f172a", muted: "#475569", rule: "#cbd5e1", accent: "#1d5fbf", header: "#f1f5f9" };

export type PdfWriter = { doc: PDFKit.PDFDocument; text: ReportText };
export type Column = { title: string; width: number; align?: "left" | "right" | "center" };

export function createPdfWriter(text: ReportText, fonts: ReportFonts, title: string): PdfWriter {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.bottom },
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: title, Creator: "Tollwatch", Producer: "Tollwatch" },
    lang: text.locale,
  });
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  doc.font("regular").fontSize(10).fillColor(COLORS.text);
  return { doc, text };
}

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace({ doc }: PdfWriter, height: number): void {
  if (doc.y + height > PAGE.height - PAGE.bottom) doc.addPage();
}

export function heading(writer: PdfWriter, title: string, size = 15): void {
  const { doc } = writer;
  ensureSpace(writer, size * 4);
  doc.moveDown(0.6).font("bold").fontSize(size).fillColor(COLORS.accent).text(title, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.3).font("regular").fontSize(10).fillColor(COLORS.text);
}

export function paragraph(writer: PdfWriter, body: string, options: { size?: number; color?: string; bold?: boolean } = {}): void {
  const { doc } = writer;
  doc.font(options.bold ? "bold" : "regular").fontSize(options.size ?? 10).fillColor(options.color ?? COLORS.text);
  ensureSpace(writer, doc.heightOfString(body, { width: CONTENT_WIDTH }));
  doc.text(body, PAGE.margin, doc.y, { width: CONTENT_WIDTH, lineGap: 2 });
  doc.moveDown(0.4).font("regular").fillColor(COLORS.text);
}

export function bullets(writer: PdfWriter, items: readonly string[], size = 9.5): void {
  const { doc } = writer;
  for (const item of items) {
    doc.font("regular").fontSize(size);
    const height = doc.heightOfString(item, { width: CONTENT_WIDTH - 14 });
    ensureSpace(writer, height);
    const y = doc.y;
    doc.text("•", PAGE.margin + 2, y, { lineBreak: false });
    doc.text(item, PAGE.margin + 14, y, { width: CONTENT_WIDTH - 14, lineGap: 1.5 });
    doc.moveDown(0.25);
  }
}

/** Label and value pairs in two columns. */
export function facts(writer: PdfWriter, pairs: readonly [string, string][], labelWidth = 170): void {
  const { doc } = writer;
  for (const [label, value] of pairs) {
    doc.fontSize(10);
    const height = Math.max(doc.font("bold").heightOfString(value, { width: CONTENT_WIDTH - labelWidth }), doc.font("regular").heightOfString(label, { width: labelWidth - 8 }), 14);
    ensureSpace(writer, height + 4);
    const y = doc.y;
    doc.font("regular").fillColor(COLORS.muted).text(label, PAGE.margin, y, { width: labelWidth - 8 });
    doc.font("bold").fillColor(COLORS.text).text(value, PAGE.margin + labelWidth, y, { width: CONTENT_WIDTH - labelWidth });
    doc.y = Math.max(doc.y, y + height) + 4;
  }
  doc.font("regular");
}

/** A table of single-line cells; long cells are cut to their column. Repeats its header on each page. */
export function table(writer: PdfWriter, columns: readonly Column[], rows: readonly string[][], size = 8.5): void {
  const { doc } = writer;
  const rowHeight = size + 5;
  const drawHeader = () => {
    const y = doc.y;
    doc.rect(PAGE.margin, y, CONTENT_WIDTH, rowHeight + 2).fill(COLORS.header);
    doc.font("bold").fontSize(size).fillColor(COLORS.text);
    cells(doc, columns, columns.map((column) => column.title), y + 2);
    doc.y = y + rowHeight + 2;
    doc.font("regular");
  };
  ensureSpace(writer, rowHeight * 3);
  drawHeader();
  for (const row of rows) {
    if (doc.y + rowHeight > PAGE.height - PAGE.bottom) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    cells(doc, columns, row, y + 1.5);
    doc.y = y + rowHeight;
  }
  doc.moveTo(PAGE.margin, doc.y).lineTo(PAGE.margin + CONTENT_WIDTH, doc.y).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
  doc.moveDown(0.6);
}

function cells(doc: PDFKit.PDFDocument, columns: readonly Column[], values: readonly string[], y: number): void {
  let x = PAGE.margin;
  columns.forEach((column, index) => {
    // Right-aligned numbers keep a gap before the next column's text.
    const width = column.width - (column.align === "right" ? 10 : 4);
    doc.text(fitWidth(doc, values[index] ?? "", width), x + 2, y, { width, align: column.align ?? "left", lineBreak: false });
    x += column.width;
  });
}

/** The value cut (with "…") to fit `width` at the current font size. */
export function fitWidth(doc: PDFKit.PDFDocument, value: string, width: number): string {
  if (doc.widthOfString(value) <= width) return value;
  let characters = [...value];
  while (characters.length > 1 && doc.widthOfString(`${characters.join("")}…`) > width) characters = characters.slice(0, -1);
  return `${characters.join("")}…`;
}
