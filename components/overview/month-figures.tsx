// The overview's headline figures, each with the previous month's value and the change.

export type MonthFigure = { id: string; label: string; value: string; previous: string; change: string; isUp: boolean | null; isWarning?: boolean };

export function MonthFigures({ figures }: { figures: MonthFigure[] }) {
  return (
    <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {figures.map((figure) => (
        <div key={figure.id} className={`rounded-lg border bg-white p-4 shadow-sm ${figure.isWarning ? "border-orange-300" : "border-slate-200"}`}>
          <dt className="text-sm text-slate-600">{figure.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={figure.id}>{figure.value}</dd>
          <dd className="mt-1 text-xs text-slate-600" data-testid={`${figure.id}-previous`}>
            {figure.previous} · <span className={figure.isUp === true ? "text-orange-800" : undefined}>{figure.change}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
