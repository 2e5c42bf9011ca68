import type { ReactNode } from "react";

// A plain table for the print view: the header repeats on every printed page (thead), rows never split.
export function EvidenceTable({ headers, rows, numeric = [], dense = false }: { headers: string[]; rows: ReactNode[][]; numeric?: number[]; dense?: boolean }) {
  const cell = dense ? "px-1 py-0.5" : "px-2 py-1";
  const align = (index: number) => (numeric.includes(index) ? "text-right tabular-nums" : "text-left");
  return (
    <table className={`w-full border-collapse ${dense ? "text-[10px]" : "text-sm"}`}>
      <thead className="bg-slate-100">
        <tr>{headers.map((header, index) => <th key={header} className={`${cell} ${align(index)} font-semibold`}>{header}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          <tr key={rowIndex} className="break-inside-avoid border-b border-slate-100">
            {row.map((value, index) => <td key={index} className={`${cell} ${align(index)}`}>{value}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
