import "server-only";
import { parseArgs } from "node:util";
import { openDatabaseServer } from "@/lib/cli/database-server";
import { jsonLine, terminalText } from "@/lib/cli/terminal-text";
import { loadOrgContext, type OrgContext } from "@/lib/db/org-context";
import { withDatabase } from "@/lib/db/with-database";
import { listFindings } from "@/lib/detection/list-findings";
import { runDetection } from "@/lib/detection/run-detection";
import { getEnv } from "@/lib/env";
import { InvalidInputError } from "@/lib/errors";

export const DETECT_USAGE = "tollwatch detect --org <slug>";
export const FINDINGS_USAGE = "tollwatch findings --org <slug> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]";

/** `tollwatch detect`: re-runs detection over every day of the organization's calls. */
export async function detectCommand(args: string[], log: (line: string) => void): Promise<number> {
  const { values } = parseArgs({ args, options: { org: { type: "string" } } });
  if (!values.org) throw new InvalidInputError(`Usage: ${DETECT_USAGE}`);
  return withOrg(values.org, log, async (ctx) => {
    const run = await runDetection(ctx);
    log(`Detection over ${run.days} days: ${run.findings} findings, ${run.incidents} incidents.`);
    return 0;
  });
}

/** `tollwatch findings`: one JSON object { findings, incidents } (documented in the README), or lines for people. */
export async function findingsCommand(args: string[], log: (line: string) => void): Promise<number> {
  const { values } = parseArgs({ args, options: { org: { type: "string" }, from: { type: "string" }, to: { type: "string" }, json: { type: "boolean", default: false } } });
  if (!values.org) throw new InvalidInputError(`Usage: ${FINDINGS_USAGE}`);
  for (const day of [values.from, values.to]) if (day && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new InvalidInputError(`Not a date (YYYY-MM-DD): ${day}`);
  return withOrg(values.org, values.json ? () => {} : log, async (ctx) => {
    const result = await listFindings(ctx, { from: values.from, to: values.to });
    if (values.json) {
      process.stdout.write(jsonLine(result));
      return 0;
    }
    for (const finding of result.findings) process.stdout.write(terminalText(`${finding.day}  ${finding.severity.padEnd(8)} ${finding.rule.padEnd(22)} ${finding.explanation.en}\n`));
    for (const incident of result.incidents) {
      process.stdout.write(`incident ${incident.id} ${incident.status} ${incident.severity}: ${incident.calls} calls, ${incident.estimatedCost} ${incident.currency}, ${incident.firstCallAt} – ${incident.lastCallAt}\n`);
    }
    return 0;
  });
}

export async function withOrg(slug: string, log: (line: string) => void, work: (ctx: OrgContext) => Promise<number>): Promise<number> {
  const server = await openDatabaseServer(getEnv(), "borrow", log);
  try {
    return await withDatabase(server.url, async (db) => work(await loadOrgContext(db, { slug }, { kind: "system", name: "cli" })));
  } finally {
    await server.stop();
  }
}
