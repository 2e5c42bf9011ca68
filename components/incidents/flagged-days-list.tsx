// The month's flagged days with the sentence of each finding, worst first. The sentences are
// rendered on the server from the findings' numbers (lib/detection/explain-finding.ts).

export type FlaggedDayDisplay = {
  day: string;
  dayLabel: string;
  /** The day's page. */
  href: string;
  worstSeverity: "medium" | "high" | "critical";
  severityLabel: string;
  findings: { id: string; severity: string; severityLabel: string; text: string }[];
  /** The incident the day's findings belong to, with the link's text. */
  incident: { href: string; label: string } | null;
};

import Link from "next/link";
import { SEVERITY_BADGE as BADGE } from "@/components/incidents/severity-badge";

export function FlaggedDaysList({ days }: { days: FlaggedDayDisplay[] }) {
  return (
    <ol className="space-y-4" data-list="flagged-days">
      {days.map((day) => (
        <li key={day.day} data-flagged-day={day.day} data-severity={day.worstSeverity}>
          <h3 className="flex items-center gap-2 font-semibold">
            <span className={`rounded px-2 py-0.5 text-xs ${BADGE[day.worstSeverity]}`}>{day.severityLabel}</span>
            <Link href={day.href} className="hover:underline">{day.dayLabel}</Link>
            {day.incident ? <Link href={day.incident.href} className="ml-auto text-sm font-normal text-brand-700 hover:underline">{day.incident.label}</Link> : null}
          </h3>
          <ul className="mt-2 space-y-1 pl-1 text-sm">
            {day.findings.map((finding) => (
              <li key={finding.id} className="flex gap-2" data-finding-severity={finding.severity}>
                <span className={`mt-0.5 h-fit shrink-0 rounded px-1.5 text-[11px] ${BADGE[finding.severity]}`}>{finding.severityLabel}</span>
                <span>{finding.text}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
