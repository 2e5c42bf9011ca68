import { createEvidencePdf } from "@/lib/evidence-pack/create-evidence-pdf";
import { evidenceOptionsFrom } from "@/lib/evidence-pack/evidence-pack-options.schema";
import { orgRoute } from "@/lib/http/org-route";

export const dynamic = "force-dynamic";

/** The incident's evidence pack as a PDF (?lang=ja|en&mask=1&to=…&account=…&carrier=… for the letter). */
export const GET = orgRoute<{ orgId: string; incidentId: string }>("export", async (ctx, request, { incidentId }) => {
  const pdf = await createEvidencePdf(ctx, incidentId, evidenceOptionsFrom(new URL(request.url).searchParams));
  return new Response(new Uint8Array(pdf.bytes), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${pdf.fileName}"`, "Cache-Control": "no-store" },
  });
});
