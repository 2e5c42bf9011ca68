import "server-only";
import { actorUserId, requirePermission, type OrgContext } from "@/lib/db/org-context";
import { csvLines } from "@/lib/reports/csv-export";

// An organization's normalized calls for spreadsheets, BI tools and scripts, page by page in start
// order (keyset on the primary key), never all in memory. The CLI and, later, the UI export use it.

export const EXPORT_COLUMNS = [
  "started_at_utc", "direction", "source_raw", "source_e164", "destination_raw", "destination_e164",
  "destination_country", "destination_number_type", "disposition", "duration_seconds", "billable_seconds",
  "cost_amount", "cost_currency", "upload_id", "row_number",
] as const;

export type ExportFormat = "csv" | "jsonl";
export type ExportRange = { fromUtc: Date | null; toUtc: Date | null };

type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | null> & { fingerprint: Buffer; started_at: Date };

const PAGE = 10_000;

export async function* exportCalls(ctx: OrgContext, range: ExportRange, format: ExportFormat): AsyncGenerator<string> {
  requirePermission(ctx, "export");
  await ctx.db.prisma.auditLog.create({
    data: { orgId: ctx.org.id, actorUserId: actorUserId(ctx.actor), action: "calls.exported", details: { format, from: range.fromUtc?.toISOString() ?? null, to: range.toUtc?.toISOString() ?? null } },
  });
  if (format === "csv") yield csvLines([[...EXPORT_COLUMNS]]);
  let after: { startedAt: Date; fingerprint: Buffer } | null = null;
  for (;;) {
    const page: ExportRow[] = (
      await ctx.db.pool.query<ExportRow>(
        `SELECT to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS started_at_utc, direction, source_raw, source_e164,
                destination_raw, destination_e164, destination_country, destination_number_type, disposition,
                duration_seconds, billable_seconds, cost_amount::text AS cost_amount, cost_currency, upload_id, row_number,
                started_at, fingerprint
           FROM call_records
          WHERE org_id = $1
            AND ($2::timestamptz IS NULL OR started_at >= $2) AND ($3::timestamptz IS NULL OR started_at < $3)
            AND ($4::timestamptz IS NULL OR (started_at, fingerprint) > ($4, $5::bytea))
          ORDER BY started_at, fingerprint
          LIMIT ${PAGE}`,
        [ctx.org.id, range.fromUtc, range.toUtc, after?.startedAt ?? null, after?.fingerprint ?? null],
      )
    ).rows;
    if (page.length === 0) return;
    yield format === "csv"
      ? csvLines(page.map((row) => EXPORT_COLUMNS.map((column) => row[column])))
      : page.map((row) => `${JSON.stringify(Object.fromEntries(EXPORT_COLUMNS.map((column) => [column, row[column]])))}\n`).join("");
    const last = page[page.length - 1];
    after = { startedAt: last.started_at, fingerprint: last.fingerprint };
    if (page.length < PAGE) return;
  }
}
