import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import { uuid7 } from "@/lib/db/uuid7";
import type { FindingDraft } from "@/lib/detection/detection-rule";

// Replaces the findings of the evaluated days with the new ones in one statement, keyed by rule,
// period start and subject (plus the rule's own key, e.g. the country), so that evaluating the same
// data again changes nothing (same rows, same ids, same creation times).

export function subjectKeyOf(subject: Record<string, string>, key?: string): string {
  const parts = Object.entries(subject)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, value]) => `${kind}:${value}`);
  if (key) parts.push(`#${key}`);
  return parts.join("|");
}

export async function saveFindings(ctx: OrgContext, days: readonly string[], allDrafts: readonly FindingDraft[]): Promise<void> {
  const drafts = strongestPerKey(allDrafts);
  const client = await ctx.db.pool.connect();
  try {
    await client.query("BEGIN");
    const saved = drafts.length === 0 ? { rows: [] } : await client.query<{ id: string }>(
      `INSERT INTO findings (id, org_id, rule_id, severity, score, day, period_start, period_end, subject, numbers, subject_key)
       SELECT input.id, $1, input.rule_id, input.severity, input.score, input.day, input.period_start, input.period_end, input.subject, input.numbers, input.subject_key
         FROM unnest($2::uuid[], $3::text[], $4::finding_severity[], $5::float8[], $6::date[], $7::timestamptz[], $8::timestamptz[], $9::jsonb[], $10::jsonb[], $11::text[])
              AS input(id, rule_id, severity, score, day, period_start, period_end, subject, numbers, subject_key)
       ON CONFLICT (org_id, rule_id, period_start, subject_key) DO UPDATE
          SET severity = EXCLUDED.severity, score = EXCLUDED.score, day = EXCLUDED.day, period_end = EXCLUDED.period_end,
              subject = EXCLUDED.subject, numbers = EXCLUDED.numbers
       RETURNING id`,
      [
        ctx.org.id,
        drafts.map(() => uuid7()),
        drafts.map((draft) => draft.ruleId),
        drafts.map((draft) => draft.severity),
        drafts.map((draft) => draft.score),
        drafts.map((draft) => draft.day),
        drafts.map((draft) => new Date(draft.periodStartMs)),
        drafts.map((draft) => new Date(draft.periodEndMs)),
        drafts.map((draft) => JSON.stringify(draft.subject)),
        drafts.map((draft) => JSON.stringify(draft.numbers)),
        drafts.map((draft) => subjectKeyOf(draft.subject, draft.key)),
      ],
    );
    await client.query(
      `DELETE FROM findings WHERE org_id = $1 AND day = ANY($2::date[]) AND NOT (id = ANY($3::uuid[]))`,
      [ctx.org.id, days, saved.rows.map((row) => row.id)],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

/** One draft per stored key (a single statement cannot write a row twice): the strongest. */
function strongestPerKey(drafts: readonly FindingDraft[]): FindingDraft[] {
  const byKey = new Map<string, FindingDraft>();
  for (const draft of drafts) {
    const key = `${draft.ruleId}|${draft.periodStartMs}|${subjectKeyOf(draft.subject, draft.key)}`;
    const kept = byKey.get(key);
    if (!kept || draft.score > kept.score) byKey.set(key, draft);
  }
  return [...byKey.values()];
}
