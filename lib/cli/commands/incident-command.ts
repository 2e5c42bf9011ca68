import "server-only";
import { parseArgs } from "node:util";
import { withOrg } from "@/lib/cli/commands/detection-commands";
import { jsonLine } from "@/lib/cli/terminal-text";
import { listFindings } from "@/lib/detection/list-findings";
import { InvalidInputError } from "@/lib/errors";
import { updateIncident } from "@/lib/incidents/update-incident";

export const INCIDENT_USAGE =
  "tollwatch incident --org <slug> --id <incident id> [--status open|acknowledged|false_alarm|disputed|resolved] [--note <text>] [--block-requested-at <ISO time>] [--block-completed-at <ISO time>] [--allow-countries SL,GN] [--json]";

/** Accepts only instants that name their offset (2026-03-14T09:10:00+09:00): a bare local time is ambiguous. */
function instant(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidInputError(`${option} needs a time with its offset, such as 2026-03-14T09:10:00+09:00 (got ${value}).`);
  }
  return value;
}

/** `tollwatch incident`: records a status change, a note or the block request/completion, then prints the incident. */
export async function incidentCommand(args: string[], log: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: "string" },
      id: { type: "string" },
      status: { type: "string" },
      note: { type: "string" },
      "block-requested-at": { type: "string" },
      "block-completed-at": { type: "string" },
      "allow-countries": { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (!values.org || !values.id) throw new InvalidInputError(`Usage: ${INCIDENT_USAGE}`);
  const change = {
    status: values.status,
    note: values.note,
    blockRequestedAt: instant(values["block-requested-at"], "--block-requested-at"),
    blockCompletedAt: instant(values["block-completed-at"], "--block-completed-at"),
    allowCountries: values["allow-countries"]?.split(",").map((country) => country.trim().toUpperCase()).filter(Boolean),
  };
  const incidentId = values.id;
  return withOrg(values.org, values.json ? () => {} : log, async (ctx) => {
    const isChange = Object.values(change).some((value) => value !== undefined);
    if (isChange) await updateIncident(ctx, incidentId, change);
    const incident = (await listFindings(ctx)).incidents.find((candidate) => candidate.id === incidentId);
    if (!incident) throw new InvalidInputError(`No incident ${incidentId} in ${values.org}.`);
    if (values.json) {
      process.stdout.write(jsonLine(incident));
      return 0;
    }
    const block = incident.blockWindow;
    process.stdout.write(`incident ${incident.id} ${incident.status} ${incident.severity}: ${incident.calls} calls, ${incident.estimatedCost} ${incident.currency}, ${incident.firstCallAt} – ${incident.lastCallAt}\n`);
    if (block) {
      process.stdout.write(`block requested ${block.requestedAt}, ${block.completedAt ? `in effect ${block.completedAt}` : "not yet in effect"}: ${block.calls} calls, ${block.estimatedCost} ${incident.currency} in between\n`);
    }
    return 0;
  });
}
