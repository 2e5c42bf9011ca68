import "server-only";
import type { CallsFilter } from "@/lib/calls/calls-filter.schema";
import { actorUserId, requirePermission, type OrgContext } from "@/lib/db/org-context";
import { maskNumber } from "@/lib/format/mask-number";
import { afterCursorCondition, callsFilterCondition, callsOrder, decodeCursor, loadIncidentWindows, type CallsCursor } from "@/lib/queries/calls-filter-sql";
import { CALL_COLUMNS, toCallRow, type CallRecordRow } from "@/lib/queries/calls-page";
import { csvLines } from "@/lib/reports/csv-export";

// The calls explorer's filtered set as CSV, in the page's order, page by page (never all in memory):
// the organization's local time with its zone in the column name, and UTC; formula-safe cells;
// optionally the last four digits of third-party numbers masked (numbers called, outside callers).

const PAGE = 5_000;

export type FilteredExportOptions = { mask: boolean };

export function filteredCallsCsvHeader(timeZone: string): string[] {
  return [`started_at (${timeZone})`, "started_at_utc", "direction", "source", "account_code", "destination", "destination_e164", "destination_country", "destination_number_type", "disposition", "duration_seconds", "billable_seconds", "cost", "currency"];
}

export async function* exportFilteredCalls(ctx: OrgContext, filter: CallsFilter, options: FilteredExportOptions): AsyncGenerator<string> {
  requirePermission(ctx, "export");
  await ctx.db.prisma.auditLog.create({
    data: { orgId: ctx.org.id, actorUserId: actorUserId(ctx.actor), action: "calls.exported", details: { format: "csv", filter: { ...filter, after: undefined }, masked: options.mask } },
  });
  yield `\uFEFF${csvLines([filteredCallsCsvHeader(ctx.org.timeZone)])}`;
  const where = callsFilterCondition(filter, ctx.org, 1, filter.flagged ? await loadIncidentWindows(ctx) : undefined);
  const order = callsOrder(filter.sort);
  let cursor: CallsCursor | null = decodeCursor(undefined);
  for (;;) {
    const after = cursor ? afterCursorCondition(order, cursor, where.params.length + 2) : null;
    const rows = (await ctx.db.pool.query<CallRecordRow & { local_time: string; utc_time: string }>(
      `SELECT ${CALL_COLUMNS},
              to_char(c.started_at AT TIME ZONE $${where.params.length + 1}, 'YYYY-MM-DD HH24:MI:SS') AS local_time,
              to_char(c.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS utc_time
         FROM call_records c
        WHERE ${where.sql}${after ? `\n   AND ${after.sql}` : ""}
        ORDER BY ${order.orderBy}
        LIMIT ${PAGE}`,
      [...where.params, ctx.org.timeZone, ...(after?.params ?? [])],
    )).rows;
    if (rows.length === 0) return;
    yield csvLines(rows.map((row) => {
      const call = toCallRow(row);
      const isInbound = call.direction === "inbound";
      const hide = (value: string | null) => (value !== null && options.mask ? maskNumber(value) : value);
      return [row.local_time, row.utc_time, call.direction, isInbound ? hide(call.source) : call.source, call.accountCode,
        isInbound ? call.destination : hide(call.destination), isInbound ? call.destinationE164 : hide(call.destinationE164),
        call.country, call.numberType, call.disposition, call.durationSeconds, call.billableSeconds, call.cost, call.currency];
    }));
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1];
    cursor = { startedAtUs: last.started_at_us, fingerprint: last.fingerprint.toString("hex"), seconds: last.billable_seconds };
  }
}
