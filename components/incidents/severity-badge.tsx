// The severity colours used wherever findings and incidents are listed.

export const SEVERITY_BADGE: Record<string, string> = {
  critical: "bg-red-700 text-white",
  high: "bg-orange-700 text-white",
  medium: "bg-amber-200 text-amber-900",
  low: "bg-slate-200 text-slate-800",
};

export function SeverityBadge({ severity, label }: { severity: string; label: string }) {
  return <span className={`rounded px-2 py-0.5 text-xs ${SEVERITY_BADGE[severity] ?? SEVERITY_BADGE.low}`} data-severity={severity}>{label}</span>;
}
