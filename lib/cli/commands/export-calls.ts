import "server-only";
import { parseArgs } from "node:util";
import { once } from "node:events";
import { openDatabaseServer } from "@/lib/cli/database-server";
import { terminalText } from "@/lib/cli/terminal-text";
import { loadOrgContext } from "@/lib/db/org-context";
import { withDatabase } from "@/lib/db/with-database";
import { getEnv } from "@/lib/env";
import { InvalidInputError } from "@/lib/errors";
import { parseInstant } from "@/lib/ingest/normalize/call-time";
import { exportCalls, type ExportFormat } from "@/lib/reports/export-calls";

export const EXPORT_USAGE = "tollwatch export --org <slug> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|jsonl]";

/** Writes the organization's calls to standard output; --from/--to are organization-local days, inclusive. */
export async function exportCommand(args: string[], log: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { org: { type: "string" }, from: { type: "string" }, to: { type: "string" }, format: { type: "string", default: "csv" } },
  });
  if (!values.org) throw new InvalidInputError(`Usage: ${EXPORT_USAGE}`);
  if (values.format !== "csv" && values.format !== "jsonl") throw new InvalidInputError("--format is csv or jsonl.");
  const format: ExportFormat = values.format;
  const server = await openDatabaseServer(getEnv(), "borrow", log);
  try {
    return await withDatabase(server.url, async (db) => {
      const ctx = await loadOrgContext(db, { slug: values.org! }, { kind: "system", name: "cli" });
      const range = {
        fromUtc: values.from ? dayStart(values.from, ctx.org.timeZone, 0) : null,
        toUtc: values.to ? dayStart(values.to, ctx.org.timeZone, 1) : null,
      };
      // Redirected, the data is written as it is; on a terminal its escape sequences are shown, not obeyed.
      const shown = process.stdout.isTTY ? terminalText : (chunk: string) => chunk;
      for await (const chunk of exportCalls(ctx, range, format)) {
        if (!process.stdout.write(shown(chunk))) await once(process.stdout, "drain");
      }
      return 0;
    });
  } finally {
    await server.stop();
  }
}

function dayStart(day: string, timeZone: string, plusDays: number): Date {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(day) ? parseInstant(`${day} 00:00:00`, "year-month-day", { timeZone }) : null;
  if (!parsed?.ok) throw new InvalidInputError(`Not a date (YYYY-MM-DD): ${day}`);
  return new Date(parsed.date.getTime() + plusDays * 24 * 3600 * 1000);
}
