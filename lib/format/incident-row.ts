// Turns an incident into the strings of an incidents table row, in the reader's language.

export type IncidentFormatTools = {
  when: (value: Date) => string;
  number: (value: number) => string;
  money: (value: number, currency: string) => string;
  country: (code: string) => string;
  severity: (severity: string) => string;
  status: (status: string) => string;
};

export function incidentRowText(
  incident: { firstCallAt: Date; lastCallAt: Date; severity: string; calls: number; estimatedCost: number; currency: string; destinations: [string, number][]; status: string },
  tools: IncidentFormatTools,
) {
  return {
    period: `${tools.when(incident.firstCallAt)} – ${tools.when(incident.lastCallAt)}`,
    severity: incident.severity,
    severityLabel: tools.severity(incident.severity),
    calls: tools.number(incident.calls),
    cost: tools.money(incident.estimatedCost, incident.currency),
    destinations: incident.destinations.length === 0 ? "—" : incident.destinations.slice(0, 3).map(([code, calls]) => `${tools.country(code)} ${tools.number(calls)}`).join(", "),
    status: tools.status(incident.status),
  };
}
