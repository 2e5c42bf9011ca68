import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import { monthOfInstant, type MonthKey } from "@/lib/format/month";

// What detection made of an upload's calls, for the message right after an import: how many of
// the local days its calls cover were flagged, the worst severity, and the month to look at first.

export type UploadFlags = {
  flaggedDays: number;
  worstSeverity: "medium" | "high" | "critical" | null;
  firstFlaggedDay: string | null;
  /** The month of the first flagged day, else of the first call; null when the upload had no calls. */
  overviewMonth: MonthKey | null;
};

export async function getUploadFlags(ctx: OrgContext, calls: { firstCallAt: Date | string | null; lastCallAt: Date | string | null }): Promise<UploadFlags> {
  if (!calls.firstCallAt || !calls.lastCallAt) return { flaggedDays: 0, worstSeverity: null, firstFlaggedDay: null, overviewMonth: null };
  const rows = await ctx.db.pool.query<{ day: string; severity: UploadFlags["worstSeverity"] & string }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, max(severity)::text AS severity
       FROM findings
      WHERE org_id = $1 AND severity IN ('medium', 'high', 'critical')
        AND day BETWEEN ($2::timestamptz AT TIME ZONE $4)::date AND ($3::timestamptz AT TIME ZONE $4)::date
      GROUP BY day ORDER BY day`,
    [ctx.org.id, new Date(calls.firstCallAt), new Date(calls.lastCallAt), ctx.org.timeZone],
  );
  const rank = (severity: string | null) => ["medium", "high", "critical"].indexOf(severity ?? "");
  const worstSeverity = rows.rows.reduce<UploadFlags["worstSeverity"]>((worst, row) => (rank(row.severity) > rank(worst) ? row.severity : worst), null);
  const firstFlaggedDay = rows.rows[0]?.day ?? null;
  return {
    flaggedDays: rows.rows.length,
    worstSeverity,
    firstFlaggedDay,
    overviewMonth: firstFlaggedDay ? (firstFlaggedDay.slice(0, 7) as MonthKey) : monthOfInstant(new Date(calls.firstCallAt), ctx.org.timeZone),
  };
}
