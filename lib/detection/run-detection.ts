import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import { evaluateDay } from "@/lib/detection/evaluate-day";
import { groupFindingsIntoIncidents } from "@/lib/detection/group-findings-into-incidents";
import { loadDetectionContext, loadDetectionDays } from "@/lib/detection/load-detection-input";
import { addDays, daysBetween } from "@/lib/detection/local-days";
import { saveFindings } from "@/lib/detection/save-findings";

// Detection for an organization: the given local days (an upload's) plus the week after them,
// whose baselines the new calls changed — or, without days, every day that has calls. Idempotent:
// the same calls give the same findings and incidents.

const TRAILING_DAYS = 7;
const BATCH_DAYS = 31;

export type DetectionRun = { days: number; findings: number; incidents: number };

export async function runDetection(ctx: OrgContext, options: { days?: readonly string[] } = {}): Promise<DetectionRun> {
  const days = await daysToEvaluate(ctx, options.days);
  const detection = await loadDetectionContext(ctx);
  let findings = 0;
  for (let index = 0; index < days.length; index += BATCH_DAYS) {
    const batch = days.slice(index, index + BATCH_DAYS);
    const inputs = await loadDetectionDays(ctx, detection, batch);
    const drafts = inputs.flatMap(evaluateDay);
    await saveFindings(ctx, batch, drafts);
    findings += drafts.length;
  }
  const incidents = await groupFindingsIntoIncidents(ctx, detection);
  return { days: days.length, findings, incidents };
}

/** Local days with calls: all of them, or the given ones and the week after (up to the last day with calls). */
async function daysToEvaluate(ctx: OrgContext, requested: readonly string[] | undefined): Promise<string[]> {
  const rows = await ctx.db.pool.query<{ day: string }>(
    `SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS day FROM daily_stats WHERE org_id = $1 ORDER BY 1`,
    [ctx.org.id],
  );
  const withCalls = rows.rows.map((row) => row.day);
  if (!requested) return withCalls;
  if (requested.length === 0 || withCalls.length === 0) return [];
  const sorted = [...requested].sort();
  const last = withCalls.at(-1)!;
  const until = addDays(sorted.at(-1)!, TRAILING_DAYS) < last ? addDays(sorted.at(-1)!, TRAILING_DAYS) : last;
  const wanted = new Set([...sorted, ...daysBetween(sorted.at(-1)!, until)]);
  return [...wanted].filter((day) => day <= last).sort();
}
