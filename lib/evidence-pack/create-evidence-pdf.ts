import "server-only";
import type { OrgContext } from "@/lib/db/org-context";
import type { EvidencePackOptions } from "@/lib/evidence-pack/evidence-pack";
import { renderEvidencePdf } from "@/lib/evidence-pack/pdf/render-evidence-pdf";
import { prepareEvidence } from "@/lib/evidence-pack/prepare-evidence";

export type EvidenceFile = { fileName: string; bytes: Buffer; reportId: string };

/** The evidence pack of one incident as a PDF. */
export async function createEvidencePdf(ctx: OrgContext, incidentId: string, options: EvidencePackOptions): Promise<EvidenceFile> {
  const pack = await prepareEvidence(ctx, incidentId, options, "pdf");
  return { fileName: `evidence-pack-${pack.reportId}.pdf`, bytes: await renderEvidencePdf(pack, options), reportId: pack.reportId };
}
