import "server-only";
import type { CallsFilter } from "@/lib/calls/calls-filter.schema";
import type { OrgContext } from "@/lib/db/org-context";
import { afterCursorCondition, callsFilterCondition, callsOrder, CURSOR_COLUMNS, decodeCursor, encodeCursor, loadIncidentWindows } from "@/lib/queries/calls-filter-sql";

// Read model of the calls explorer: one page of calls in the chosen order (keyset paging on the
// primary key, never OFFSET, so page 1,000 costs what page 1 does) and how many match, counted up to
// a cap (an exact count of millions would cost more than the page).

export const CALLS_PAGE_SIZE = 100;
export const COUNT_CAP = 10_000;

export type CallRow = {
  startedAt: Date;
  direction: string;
  source: string;
  accountCode: string | null;
  destination: string;
  destinationE164: string | null;
  country: string | null;
  numberType: string;
  disposition: string;
  durationSeconds: number;
  billableSeconds: number;
  cost: string | null;
  currency: string | null;
};

export type CallsPage = { calls: CallRow[]; next: string | null; matching: number; isCapped: boolean };

type Row = { started_at: Date; direction: string; source_raw: string; account_code: string | null; destination_raw: string; destination_e164: string | null; destination_country: string | null; destination_number_type: string; disposition: string; duration_seconds: number; billable_seconds: number; cost_amount: string | null; cost_currency: string | null; fingerprint: Buffer; started_at_us: string };

export const CALL_COLUMNS = `c.started_at, c.direction, c.source_raw, c.account_code, c.destination_raw, c.destination_e164, c.destination_country, c.destination_number_type,
       c.disposition, c.duration_seconds, c.billable_seconds, c.cost_amount::text AS cost_amount, c.cost_currency, c.fingerprint, ${CURSOR_COLUMNS}`;

export async function getCallsPage(ctx: OrgContext, filter: CallsFilter): Promise<CallsPage> {
  const where = callsFilterCondition(filter, ctx.org, 1, filter.flagged ? await loadIncidentWindows(ctx) : undefined);
  const order = callsOrder(filter.sort);
  const cursor = decodeCursor(filter.after);
  const after = cursor ? afterCursorCondition(order, cursor, where.params.length + 1) : null;
  const [page, count] = await Promise.all([
    ctx.db.pool.query<Row>(
      `SELECT ${CALL_COLUMNS}
         FROM call_records c
        WHERE ${where.sql}${after ? `\n   AND ${after.sql}` : ""}
        ORDER BY ${order.orderBy}
        LIMIT ${CALLS_PAGE_SIZE + 1}`,
      [...where.params, ...(after?.params ?? [])],
    ),
    // In the page's time order, so the count stops as soon after the page's rows as the cap allows.
    ctx.db.pool.query<{ matching: number }>(`SELECT count(*)::int AS matching FROM (SELECT 1 FROM call_records c WHERE ${where.sql} ORDER BY c.started_at ${filter.sort === "oldest" ? "" : "DESC"} LIMIT ${COUNT_CAP + 1}) capped`, where.params),
  ]);
  const rows = page.rows.slice(0, CALLS_PAGE_SIZE);
  const last = rows.at(-1);
  const matching = count.rows[0]?.matching ?? 0;
  return {
    calls: rows.map(toCallRow),
    next: page.rows.length > CALLS_PAGE_SIZE && last ? encodeCursor({ startedAtUs: last.started_at_us, fingerprint: last.fingerprint.toString("hex"), seconds: last.billable_seconds }) : null,
    matching: Math.min(matching, COUNT_CAP),
    isCapped: matching > COUNT_CAP,
  };
}

export function toCallRow(row: Row): CallRow {
  return {
    startedAt: row.started_at,
    direction: row.direction,
    source: row.source_raw,
    accountCode: row.account_code,
    destination: row.destination_raw,
    destinationE164: row.destination_e164,
    country: row.destination_country?.trim() || null,
    numberType: row.destination_number_type,
    disposition: row.disposition,
    durationSeconds: row.duration_seconds,
    billableSeconds: row.billable_seconds,
    cost: row.cost_amount,
    currency: row.cost_currency?.trim() || null,
  };
}

export type { Row as CallRecordRow };
