import "server-only";
import { actorUserId, requirePermission, type OrgContext } from "@/lib/db/org-context";
import type { EvidencePack, EvidencePackOptions } from "@/lib/evidence-pack/evidence-pack";
import { gatherEvidence } from "@/lib/evidence-pack/gather-evidence";
import { maskEvidencePack } from "@/lib/evidence-pack/mask-evidence-pack";

// Every form of the evidence pack (PDF, bundle, print view, CLI) starts here: the actor must be
// allowed to export, the evidence is gathered (and masked when asked), and the audit log records
// who generated which report of which incident, in which language and form.

export type EvidenceFormat = "pdf" | "bundle" | "print";

export async function prepareEvidence(ctx: OrgContext, incidentId: string, options: EvidencePackOptions, format: EvidenceFormat): Promise<EvidencePack> {
  requirePermission(ctx, "export");
  const gathered = await gatherEvidence(ctx, incidentId);
  const pack = options.mask ? maskEvidencePack(gathered) : gathered;
  await ctx.db.prisma.auditLog.create({
    data: {
      orgId: ctx.org.id,
      actorUserId: actorUserId(ctx.actor),
      action: "report.generated",
      targetType: "incident",
      targetId: incidentId,
      details: { incidentId, reportId: pack.reportId, language: options.locale, masked: options.mask, format },
    },
  });
  return pack;
}
