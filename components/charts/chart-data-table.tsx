// A chart's text alternative: its numbers as a table behind a disclosure, for screen readers,
// keyboard users and printouts. Cells arrive formatted.

export function ChartDataTable({ caption, columns, rows, dataTable }: {
  caption: string;
  columns: { label: string; isNumber?: boolean }[];
  rows: { key: string; cells: string[]; isFlagged?: boolean }[];
  dataTable: string;
}) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-brand-700">{caption}</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full" data-table={dataTable}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left">
              {columns.map((column) => <th key={column.label} scope="col" className={`py-1 pr-3 font-medium ${column.isNumber ? "text-right" : ""}`}>{column.label}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.key} data-row={row.key} className={row.isFlagged ? "font-semibold text-orange-800" : undefined}>
                {row.cells.map((cell, index) => (index === 0
                  ? <th key={index} scope="row" className="py-1 pr-3 text-left font-normal">{cell}</th>
                  : <td key={index} className={`py-1 pr-3 tabular-nums ${columns[index]?.isNumber ? "text-right" : ""}`}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
