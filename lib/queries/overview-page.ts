import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import { addMonths, daysOfMonth, type MonthKey } from "@/lib/format/month";

// Read model of the overview page: one function per question, all from the daily rollups.

export type CallsPerDay = { day: string; calls: number };

/** The organization's most recent month with calls, or null when it has none. */
export async function getLatestMonthWithCalls(ctx: OrgContext): Promise<MonthKey | null> {
  const rows = await ctx.db.prisma.$queryRaw<{ month: string | null }[]>`
    SELECT to_char(max(day), 'YYYY-MM') AS month FROM daily_stats WHERE org_id = ${ctx.org.id}::uuid`;
  return (rows[0]?.month as MonthKey | null) ?? null;
}

/** Calls per organization-local day of `month`, every day present (zero when no calls). */
export async function getCallsPerDay(ctx: OrgContext, month: MonthKey): Promise<CallsPerDay[]> {
  const rows = await ctx.db.prisma.$queryRaw<CallsPerDay[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(calls)::int AS calls
      FROM daily_stats
     WHERE org_id = ${ctx.org.id}::uuid AND day >= ${`${month}-01`}::date AND day < ${`${addMonths(month, 1)}-01`}::date
     GROUP BY day ORDER BY day`;
  return fillMonthDays(month, rows);
}

export function fillMonthDays(month: MonthKey, rows: CallsPerDay[]): CallsPerDay[] {
  const byDay = new Map(rows.map((row) => [row.day, row.calls]));
  return daysOfMonth(month).map((day) => ({ day, calls: byDay.get(day) ?? 0 }));
}
