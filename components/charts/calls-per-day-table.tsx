import type { CallsPerDayPoint } from "@/components/charts/calls-per-day-bar-chart";

// The chart's text alternative: the same numbers as a table, for screen readers and printouts.
export function CallsPerDayTable({
  days,
  caption,
  labels,
  formatDay,
  formatCount,
}: {
  days: CallsPerDayPoint[];
  caption: string;
  labels: { day: string; calls: string; total: string; flagged: string };
  formatDay: (day: string) => string;
  formatCount: (value: number) => string;
}) {
  const total = days.reduce((sum, day) => sum + day.calls, 0);
  return (
    <details className="mt-4 text-sm">
      <summary className="cursor-pointer text-brand-700">{caption}</summary>
      <table className="mt-2 w-full max-w-md" data-table="calls-per-day">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="py-1 font-medium">{labels.day}</th>
            <th scope="col" className="py-1 text-right font-medium">{labels.calls}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.day} className="border-b border-slate-100" data-day={day.day}>
              <th scope="row" className="py-1 text-left font-normal">
                {formatDay(day.day)}
                {day.isFlagged ? <span className="ml-2 rounded bg-orange-100 px-1.5 text-xs text-orange-900" data-flagged>{labels.flagged}</span> : null}
              </th>
              <td className="py-1 text-right tabular-nums">{formatCount(day.calls)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="py-1 text-left">{labels.total}</th>
            <td className="py-1 text-right font-semibold tabular-nums" data-total>{formatCount(total)}</td>
          </tr>
        </tfoot>
      </table>
    </details>
  );
}
