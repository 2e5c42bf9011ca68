import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import type { FindingDraft } from "@/lib/detection/detection-rule";
import type { Prisma } from "@/lib/generated/prisma/client";

// Replaces the findings of the evaluated days with the new ones, keyed by rule, period start and
// subject, so that evaluating the same data again changes nothing (same rows, same ids).

export function subjectKeyOf(subject: Record<string, string>): string {
  return Object.entries(subject)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, value]) => `${kind}:${value}`)
    .join("|");
}

export async function saveFindings(ctx: OrgContext, days: readonly string[], drafts: readonly FindingDraft[]): Promise<void> {
  const dayDates = days.map((day) => new Date(`${day}T00:00:00Z`));
  await ctx.db.prisma.$transaction(async (tx) => {
    const existing = await tx.finding.findMany({ where: { orgId: ctx.org.id, day: { in: dayDates } }, select: { id: true } });
    const kept = new Set<string>();
    for (const draft of drafts) {
      const key = { orgId: ctx.org.id, ruleId: draft.ruleId, periodStart: new Date(draft.periodStartMs), subjectKey: subjectKeyOf(draft.subject) };
      const data = {
        severity: draft.severity,
        score: draft.score,
        day: new Date(`${draft.day}T00:00:00Z`),
        periodEnd: new Date(draft.periodEndMs),
        subject: draft.subject,
        numbers: draft.numbers as Prisma.InputJsonValue,
      };
      const saved = await tx.finding.upsert({
        where: { orgId_ruleId_periodStart_subjectKey: key },
        create: { ...key, ...data },
        update: data,
        select: { id: true },
      });
      kept.add(saved.id);
    }
    const stale = existing.map((finding) => finding.id).filter((id) => !kept.has(id));
    if (stale.length > 0) await tx.finding.deleteMany({ where: { orgId: ctx.org.id, id: { in: stale } } });
  }, { timeout: 60_000 });
}
