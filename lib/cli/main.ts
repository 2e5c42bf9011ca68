import "server-only";
import { detectCommand, DETECT_USAGE, findingsCommand, FINDINGS_USAGE } from "@/lib/cli/commands/detection-commands";
import { exportCommand, EXPORT_USAGE } from "@/lib/cli/commands/export-calls";
import { demoCommand, DEMO_USAGE } from "@/lib/cli/commands/load-demo";
import { importCommand, IMPORT_USAGE } from "@/lib/cli/commands/import-file";
import { incidentCommand, INCIDENT_USAGE } from "@/lib/cli/commands/incident-command";
import { migrateCommand } from "@/lib/cli/commands/migrate-database";
import { pushCommand, PUSH_USAGE } from "@/lib/cli/commands/push-command";
import { reportCommand, REPORT_USAGE } from "@/lib/cli/commands/report-command";
import { startServer } from "@/lib/cli/commands/start-server";
import { userCommand, USER_USAGE } from "@/lib/cli/commands/user-command";
import { workerCommand, WORKER_USAGE } from "@/lib/cli/commands/worker-command";
import { terminalText } from "@/lib/cli/terminal-text";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { KNOWN_FORMATS } from "@/lib/ingest/formats/registry";

const USAGE = `Usage:
  tollwatch start                 build if needed, start the database (embedded unless DATABASE_URL) and the web app
  tollwatch dev                   the same with the Next.js development server
  tollwatch db migrate            apply pending migrations
  ${IMPORT_USAGE}
  ${EXPORT_USAGE}
  ${DETECT_USAGE}          re-run detection over all the organization's calls
  ${FINDINGS_USAGE}
  ${INCIDENT_USAGE}
                                  record a status, a note, or when the carrier was asked to block and when it did
  ${REPORT_USAGE}
                                  the incident's evidence pack for the carrier: PDF, and a zip with the calls (CSV) and hashes
  ${PUSH_USAGE}
                                  send CDRs to a Tollwatch server's ingest API (from a PBX, by cron)
  ${USER_USAGE}
                                  a one-time link to choose a new password; the accounts and their roles
  ${WORKER_USAGE}                run the background jobs (alert delivery, detection of completed days, clean-up)
                                  without the web app; the web app runs them too unless TOLLWATCH_BACKGROUND_JOBS=off
  tollwatch formats               list the CDR layouts Tollwatch recognises
  ${DEMO_USAGE}
                                  load 180 simulated days with real attacks into a demo organization`;

const COMMAND_USAGE: Record<string, string> = { import: IMPORT_USAGE, export: EXPORT_USAGE, detect: DETECT_USAGE, findings: FINDINGS_USAGE, incident: INCIDENT_USAGE, report: REPORT_USAGE, user: USER_USAGE, push: PUSH_USAGE, demo: DEMO_USAGE };

/** util.parseArgs rejects unknown or malformed options with these codes: a usage error, not a crash. */
function isArgumentError(error: unknown): error is Error {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}

// Lines for people may quote CDR text (error messages, sentences): escapes are shown, not obeyed.
const log = (line: string) => process.stderr.write(`[tollwatch] ${terminalText(line)}\n`);

/** Runs one CLI command; returns the process exit code. */
export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const commandUsage = command ? COMMAND_USAGE[command] : undefined;
  if (commandUsage && (rest.includes("--help") || rest.includes("-h"))) {
    process.stdout.write(`Usage:\n  ${commandUsage}\n`);
    return 0;
  }
  try {
    switch (command) {
      case "start":
        return await startServer({ dev: false }, log);
      case "dev":
        return await startServer({ dev: true }, log);
      case "db":
        if (rest[0] === "migrate") return await migrateCommand(log);
        break;
      case "import":
        return await importCommand(rest, log);
      case "detect":
        return await detectCommand(rest, log);
      case "findings":
        return await findingsCommand(rest, log);
      case "incident":
        return await incidentCommand(rest, log);
      case "report":
        return await reportCommand(rest, log);
      case "push":
        return await pushCommand(rest, log);
      case "user":
        return await userCommand(rest, log);
      case "worker":
        return await workerCommand(log);
      case "export":
        return await exportCommand(rest, log);
      case "demo":
        return await demoCommand(rest, log);
      case "formats":
        for (const format of KNOWN_FORMATS) process.stdout.write(`${format.id}\t${format.label}\n`);
        return 0;
      case undefined:
      case "help":
      case "--help":
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    process.stderr.write(`Unknown command: ${terminalText(args.join(" "))}\n\n${USAGE}\n`);
    return 2;
  } catch (error) {
    if (isArgumentError(error)) {
      log(`Error: ${error.message}`);
      process.stderr.write(`Usage:\n  ${commandUsage ?? USAGE}\n`);
      return 2;
    }
    const isExpected = error instanceof InvalidInputError || error instanceof NotFoundError || (error instanceof Error && error.name === "MigrationError");
    log(`Error: ${error instanceof Error ? error.message : String(error)}`);
    if (!isExpected && error instanceof Error && error.stack) process.stderr.write(`${terminalText(error.stack)}\n`);
    return 1;
  }
}
