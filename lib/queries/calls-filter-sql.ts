import "server-only";
import type { CallsFilter } from "@/lib/calls/calls-filter.schema";
import type { OrgContext } from "@/lib/db/org-context";
import { callingCodeOf } from "@/lib/storage/fraud-relevance";

// The calls explorer's filters as one SQL condition over call_records (alias c), with its
// parameters after the ones the caller already has. Shared by the page and its CSV export, so the
// export holds exactly the calls the page lists.
//
// "Flagged" calls are those an incident counts: outbound fraud-relevant calls to the incident's
// destinations between its first and last suspicious call (as group-findings-into-incidents.ts
// counts them), for incidents not marked a false alarm.

export type SqlCondition = { sql: string; params: unknown[] };

export type IncidentWindow = { firstCallAt: Date; lastCallAt: Date; countries: string[] };

/** The periods and destinations of the organization's incidents (not false alarms), for "flagged only". */
export async function loadIncidentWindows(ctx: OrgContext): Promise<IncidentWindow[]> {
  const rows = await ctx.db.prisma.incident.findMany({ where: { orgId: ctx.org.id, status: { not: "false_alarm" } }, select: { firstCallAt: true, lastCallAt: true, destinations: true } });
  return rows.map((row) => ({ firstCallAt: row.firstCallAt, lastCallAt: row.lastCallAt, countries: Object.keys(row.destinations as Record<string, number>) }));
}

/** `incidents`: the organization's incident windows, needed when the filter asks for flagged calls only. */
export function callsFilterCondition(filter: CallsFilter, org: { id: string; timeZone: string; countryCode: string }, firstParam = 1, incidents?: readonly IncidentWindow[]): SqlCondition {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  const parts = [`c.org_id = ${param(org.id)}::uuid`];
  if (filter.from) parts.push(`c.started_at >= (${param(filter.from)}::date)::timestamp AT TIME ZONE ${param(org.timeZone)}`);
  if (filter.to) parts.push(`c.started_at < (${param(filter.to)}::date + 1)::timestamp AT TIME ZONE ${param(org.timeZone)}`);
  if (filter.direction) parts.push(`c.direction = ${param(filter.direction)}::call_direction`);
  if (filter.country) parts.push(`c.destination_country = ${param(filter.country)}`);
  // Calls to a country abroad, or to a "+<code>" outside the organization's own, are all marked
  // is_fraud_relevant (markedFraudRelevantSql): saying so lets the partial index find them.
  const homeCode = callingCodeOf(org.countryCode);
  const isForeignPrefix = filter.number?.startsWith("+") && !filter.number.startsWith(homeCode) && !homeCode.startsWith(filter.number);
  if ((filter.country && filter.country !== org.countryCode) || isForeignPrefix) parts.push("c.is_fraud_relevant");
  if (filter.number) {
    const digits = filter.number.replace(/^\+/, "");
    parts.push(filter.number.startsWith("+")
      ? `c.destination_e164 LIKE ${param(`+${digits}%`)}`
      : `(c.destination_raw LIKE ${param(`${digits}%`)} OR c.destination_e164 LIKE ${param(`+${digits}%`)})`);
  }
  if (filter.source) {
    const source = param(filter.source);
    parts.push(`(c.source_raw = ${source} OR c.account_code = ${source} OR c.source_e164 = ${source})`);
  }
  if (filter.minSeconds !== undefined) parts.push(`c.billable_seconds >= ${param(filter.minSeconds)}`);
  if (filter.maxSeconds !== undefined) parts.push(`c.billable_seconds <= ${param(filter.maxSeconds)}`);
  if (filter.disposition) parts.push(`c.disposition = ${param(filter.disposition)}::call_disposition`);
  if (filter.flagged) {
    // One range per incident: sargable, so the partial index reads only the incidents' periods.
    const ranges = (incidents ?? []).map((incident) => `(c.started_at BETWEEN ${param(incident.firstCallAt)}::timestamptz AND ${param(incident.lastCallAt)}::timestamptz AND coalesce(nullif(trim(c.destination_country), ''), '??') = ANY(${param(incident.countries)}::text[]))`);
    parts.push(`c.is_fraud_relevant AND c.direction = 'outbound' AND ${ranges.length > 0 ? `(${ranges.join(" OR ")})` : "false"}`);
  }
  return { sql: parts.join("\n   AND "), params };
}

export type CallsOrder = { orderBy: string; keyColumns: string[]; descending: boolean };

/** ORDER BY and the keyset columns of each sort; the fingerprint makes every key unique. */
export function callsOrder(sort: CallsFilter["sort"]): CallsOrder {
  if (sort === "oldest") return { orderBy: "c.started_at, c.fingerprint", keyColumns: ["c.started_at", "c.fingerprint"], descending: false };
  if (sort === "longest") return { orderBy: "c.billable_seconds DESC, c.started_at DESC, c.fingerprint DESC", keyColumns: ["c.billable_seconds", "c.started_at", "c.fingerprint"], descending: true };
  return { orderBy: "c.started_at DESC, c.fingerprint DESC", keyColumns: ["c.started_at", "c.fingerprint"], descending: true };
}

/** The position after a row, as an opaque URL-safe cursor (start in microseconds since 1970: exact). */
export type CallsCursor = { startedAtUs: string; fingerprint: string; seconds: number };

/** Select this beside a row to build its cursor. */
export const CURSOR_COLUMNS = `(extract(epoch FROM c.started_at) * 1000000)::bigint::text AS started_at_us`;

export function encodeCursor(cursor: CallsCursor): string {
  return Buffer.from(JSON.stringify([cursor.startedAtUs, cursor.fingerprint, cursor.seconds])).toString("base64url");
}

export function decodeCursor(text: string | undefined): CallsCursor | null {
  if (!text) return null;
  try {
    const [startedAtUs, fingerprint, seconds] = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown[];
    if (typeof startedAtUs !== "string" || !/^-?\d{1,17}$/.test(startedAtUs) || typeof fingerprint !== "string" || !/^[0-9a-f]{2,64}$/.test(fingerprint) || !Number.isInteger(seconds)) return null;
    return { startedAtUs, fingerprint, seconds: seconds as number };
  } catch {
    return null;
  }
}

/** The condition "after this cursor" in the sort's order. */
export function afterCursorCondition(order: CallsOrder, cursor: CallsCursor, firstParam: number): SqlCondition {
  const values = order.keyColumns.length === 3 ? [cursor.seconds, cursor.startedAtUs, cursor.fingerprint] : [cursor.startedAtUs, cursor.fingerprint];
  const placeholders = order.keyColumns.map((column, index) => {
    const value = `$${firstParam + index}`;
    if (column === "c.fingerprint") return `decode(${value}, 'hex')`;
    if (column === "c.started_at") return `'epoch'::timestamptz + ${value}::bigint * interval '1 microsecond'`;
    return `${value}::int`;
  });
  return { sql: `(${order.keyColumns.join(", ")}) ${order.descending ? "<" : ">"} (${placeholders.join(", ")})`, params: values };
}
