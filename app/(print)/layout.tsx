import type { ReactNode } from "react";

// Printable pages: no navigation chrome. Access is decided by each page, as everywhere else.
// Chromium prints @page margin boxes (since version 131): the page number sits in the bottom margin.
const PRINT_CSS = `
@page { size: A4; margin: 14mm 14mm 16mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #475569; } @bottom-left { content: "Tollwatch"; font-size: 8pt; color: #475569; } }
@media print { body { background: white; } }
`;

export default function PrintLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <style>{PRINT_CSS}</style>
      <main className="bg-slate-100 px-4 py-6 print:bg-white print:p-0">{children}</main>
    </>
  );
}
