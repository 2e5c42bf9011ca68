import Link from "next/link";
import { SeverityBadge } from "@/components/incidents/severity-badge";

// Incidents as a table, the organization's or those of all the user's organizations (with an
// organization column). Rows arrive formatted; each period links to its incident.

export type IncidentRow = {
  id: string;
  href: string;
  org?: { name: string; href: string };
  period: string;
  severity: string;
  severityLabel: string;
  calls: string;
  cost: string;
  destinations: string;
  status: string;
};

export type IncidentsTableLabels = { organization: string; severity: string; period: string; calls: string; cost: string; destinations: string; status: string };

export function IncidentsTable({ rows, labels, dataTable }: { rows: IncidentRow[]; labels: IncidentsTableLabels; dataTable: string }) {
  const withOrg = rows.some((row) => row.org);
  const head = "py-2 pr-3 font-medium";
  return (
    <table className="w-full text-left text-sm" data-table={dataTable}>
      <thead className="text-slate-600">
        <tr>
          {withOrg ? <th scope="col" className={head}>{labels.organization}</th> : null}
          <th scope="col" className={head}>{labels.period}</th>
          <th scope="col" className={head}>{labels.severity}</th>
          <th scope="col" className={`${head} text-right`}>{labels.calls}</th>
          <th scope="col" className={`${head} text-right`}>{labels.cost}</th>
          <th scope="col" className={head}>{labels.destinations}</th>
          <th scope="col" className={head}>{labels.status}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 align-top">
        {rows.map((row) => (
          <tr key={row.id} data-incident={row.id}>
            {withOrg ? <td className="py-2 pr-3">{row.org ? <Link href={row.org.href} className="font-medium text-brand-700 hover:underline">{row.org.name}</Link> : null}</td> : null}
            <td className="py-2 pr-3"><Link href={row.href} className="text-brand-700 hover:underline">{row.period}</Link></td>
            <td className="py-2 pr-3"><SeverityBadge severity={row.severity} label={row.severityLabel} /></td>
            <td className="py-2 pr-3 text-right tabular-nums">{row.calls}</td>
            <td className="py-2 pr-3 text-right tabular-nums">{row.cost}</td>
            <td className="py-2 pr-3">{row.destinations}</td>
            <td className="py-2 pr-3">{row.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
