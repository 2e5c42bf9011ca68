import "server-only";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { openDatabaseServer } from "@/lib/cli/database-server";
import { migrateDatabase } from "@/lib/db/migrate";
import { withDatabase } from "@/lib/db/with-database";
import { loadOrgContext, type Database, type OrgContext } from "@/lib/db/org-context";
import { getEnv, type Env } from "@/lib/env";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { createTerminalProgress } from "@/lib/cli/terminal-progress";
import { jsonLine } from "@/lib/cli/terminal-text";
import { NeedsMappingError, runIngest, type IngestSummary } from "@/lib/ingest/run-ingest";
import { createOrganization } from "@/lib/organizations/create-organization";
import { firstUserId } from "@/lib/auth/first-run-setup";

// `tollwatch import <file> --org <slug>`: the same pipeline as a browser upload.

export const IMPORT_USAGE = `tollwatch import <file> --org <slug> [--format <id>] [--file-time-zone <IANA>] [--statement-month YYYY-MM] [--json]
                 [--create-org [--country <ISO>] [--org-time-zone <IANA>]]`;

export async function importCommand(args: string[], log: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      org: { type: "string" },
      format: { type: "string" },
      "file-time-zone": { type: "string" },
      "statement-month": { type: "string" },
      json: { type: "boolean", default: false },
      "create-org": { type: "boolean", default: false },
      country: { type: "string", default: "JP" },
      "org-time-zone": { type: "string", default: "Asia/Tokyo" },
    },
  });
  const [file] = positionals;
  if (!file || !values.org) throw new InvalidInputError(`Usage: ${IMPORT_USAGE}`);
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new InvalidInputError(`No such file: ${file}`);

  const quiet = values.json ? () => {} : log;
  const env = getEnv();
  const server = await openDatabaseServer(env, "borrow", quiet);
  try {
    await migrateDatabase(server.url, { log: quiet });
    return await withDatabase(server.url, (db) => importInto(db, file, stat.size, values, env, log));
  } finally {
    await server.stop();
  }
}

type ImportValues = { org?: string; format?: string; "file-time-zone"?: string; "statement-month"?: string; json: boolean; "create-org": boolean; country: string; "org-time-zone": string };

async function importInto(db: Database, file: string, sizeBytes: number, values: ImportValues, env: Env, log: (line: string) => void): Promise<number> {
  const quiet = values.json ? () => {} : log;
  const slug = values.org ?? "";
  if (values["create-org"]) await ensureOrganization(db, slug, values.country, values["org-time-zone"]);
  const ctx = await loadOrgContext(db, { slug }, { kind: "system", name: "cli" }).catch((error: unknown) => {
    if (error instanceof NotFoundError) throw new NotFoundError(`No organization "${slug}". Create it with --create-org.`);
    throw error;
  });
  quiet(`Importing ${file} (${sizeBytes.toLocaleString("en")} bytes) into ${ctx.org.name}…`);
  const importWith = (statementMonth: string | undefined) => importOnce(ctx, file, sizeBytes, values, env, statementMonth);
  const summary = await importWith(values["statement-month"]).catch(async (error: unknown) => {
    // A year-less statement on a terminal: ask for the month rather than fail.
    if (!(error instanceof InvalidInputError) || error.code !== "needs_statement_month" || values.json || !process.stdin.isTTY) throw error;
    return importWith(await askStatementMonth());
  });
  if (values.json) process.stdout.write(jsonLine(summary));
  else log(describeSummary(summary));
  return 0;
}

async function importOnce(ctx: OrgContext, file: string, sizeBytes: number, values: ImportValues, env: Env, statementMonth: string | undefined): Promise<IngestSummary> {
  const bar = values.json ? null : createTerminalProgress(sizeBytes);
  return runIngest(ctx, {
    source: createReadStream(file),
    fileName: path.basename(file),
    expectedBytes: sizeBytes,
    formatId: values.format,
    fileTimeZone: values["file-time-zone"],
    statementMonth,
    maxBytes: env.TOLLWATCH_UPLOAD_MAX_BYTES,
    dataDir: env.dataDir,
    onProgress: ({ bytesReceived, rowsRead }) => bar?.update(bytesReceived, rowsRead),
  }).catch((error: unknown) => {
    if (error instanceof NeedsMappingError) {
      throw new InvalidInputError(`${error.message} Map them at /orgs/${ctx.org.slug}/uploads/${error.uploadId}/column-mapping in the web app.`, error.code);
    }
    throw error;
  }).finally(() => bar?.stop());
}

async function askStatementMonth(): Promise<string> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    for (;;) {
      const answer = await prompt.question("The statement's dates have no year. Statement month (YYYY-MM): ").catch(() => null);
      if (answer === null) throw new InvalidInputError("No statement month was given.", "needs_statement_month");
      if (/^\d{4}-(0[1-9]|1[0-2])$/.test(answer.trim())) return answer.trim();
    }
  } finally {
    prompt.close();
  }
}

async function ensureOrganization(db: Database, slug: string, countryCode: string, timeZone: string) {
  const existing = await db.prisma.organization.findUnique({ where: { slug }, select: { id: true } });
  // Owned by the person who set Tollwatch up (before setup, setup hands it to the first account).
  if (!existing) await createOrganization(db, { name: slug, slug, countryCode, timeZone }, (await firstUserId(db)) ?? undefined);
}

function describeSummary(summary: IngestSummary): string {
  const skipped = summary.skipped > 0 ? `, ${summary.skipped} subtotal/header rows skipped` : "";
  return `Done: ${summary.rows} rows read: ${summary.imported} calls imported, ${summary.duplicates} duplicates, ` +
    `${summary.mergedLegs} merged legs, ${summary.rejected} rejected${skipped} (format ${summary.format}, ${summary.encoding}).`;
}
