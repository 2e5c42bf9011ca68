import Link from "next/link";

// A month as a calendar: each day coloured by its worst finding and linked to its page, with the
// number of calls; the colour is also written out (legend, aria-label), never the only signal.

export type CalendarDay = { day: string; calls: number; severity: "medium" | "high" | "critical" | null; href: string; label: string };

const SEVERITY_CLASS = {
  critical: "bg-red-700 text-white hover:bg-red-800",
  high: "bg-orange-700 text-white hover:bg-orange-800",
  medium: "bg-amber-200 text-amber-950 hover:bg-amber-300",
} as const;

export function MonthCalendar({ days, weekdayNames, caption, legend }: {
  days: CalendarDay[];
  /** Sunday first. */
  weekdayNames: string[];
  caption: string;
  legend: { severity: keyof typeof SEVERITY_CLASS; label: string }[];
}) {
  const leading = days.length > 0 ? new Date(`${days[0].day}T00:00:00Z`).getUTCDay() : 0;
  const cells: (CalendarDay | null)[] = [...Array.from({ length: leading }, () => null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, index) => cells.slice(index * 7, index * 7 + 7));
  return (
    <div>
      <table className="w-full table-fixed border-separate border-spacing-1 text-sm" data-calendar>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>{weekdayNames.map((name) => <th key={name} scope="col" className="py-1 text-xs font-medium text-slate-600">{name}</th>)}</tr>
        </thead>
        <tbody>
          {weeks.map((week, index) => (
            <tr key={index}>
              {week.map((cell, position) => (
                <td key={position} className="p-0">
                  {cell ? (
                    <Link
                      href={cell.href}
                      aria-label={cell.label}
                      data-calendar-day={cell.day}
                      data-severity={cell.severity ?? undefined}
                      className={`flex h-14 flex-col rounded-md border p-1 text-left ${cell.severity ? `border-transparent ${SEVERITY_CLASS[cell.severity]}` : cell.calls > 0 ? "border-slate-200 bg-white hover:bg-slate-100" : "border-slate-100 bg-slate-50 text-slate-600 hover:bg-slate-100"}`}
                    >
                      <span className="text-xs font-semibold">{Number(cell.day.slice(8, 10))}</span>
                      {cell.calls > 0 ? <span className="mt-auto text-right text-[11px] tabular-nums opacity-90">{cell.calls.toLocaleString()}</span> : null}
                    </Link>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="mt-2 flex flex-wrap gap-3 text-xs text-slate-700">
        {legend.map((entry) => (
          <li key={entry.severity} className="flex items-center gap-1"><span aria-hidden className={`inline-block h-3 w-3 rounded-sm ${SEVERITY_CLASS[entry.severity].split(" ")[0]}`} />{entry.label}</li>
        ))}
      </ul>
    </div>
  );
}
