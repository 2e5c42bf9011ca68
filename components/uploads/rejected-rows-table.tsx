import { CdrText } from "@/components/ui/cdr-text";

// Rejected rows with their reasons. The raw line and detail are text from the file, possibly written
// by an intruder: shown through CdrText, inert and unable to reorder the page.

export type RejectedRowDisplay = { rowNumber: number; reason: string; detail: string | null; rawLine: string };

export function RejectedRowsTable({ rows, labels }: { rows: RejectedRowDisplay[]; labels: { rowNumber: string; reason: string; detail: string; rawLine: string } }) {
  const cell = "px-3 py-2 align-top";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-table="rejected-rows">
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className={`${cell} text-right`}>{labels.rowNumber}</th>
            <th scope="col" className={cell}>{labels.reason}</th>
            <th scope="col" className={cell}>{labels.detail}</th>
            <th scope="col" className={cell}>{labels.rawLine}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rowNumber} className="border-b border-slate-100">
              <th scope="row" className={`${cell} text-right font-normal tabular-nums`}>{row.rowNumber}</th>
              <td className={cell}>{row.reason}</td>
              <td className={`${cell} break-all font-mono text-xs`}><CdrText text={row.detail} /></td>
              <td className={`${cell} max-w-xl break-all font-mono text-xs text-slate-700`}><CdrText text={row.rawLine} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
