import { buildEvidenceBundle } from "@/lib/evidence-pack/build-bundle";
import { evidenceOptionsFrom } from "@/lib/evidence-pack/evidence-pack-options.schema";
import { orgRoute } from "@/lib/http/org-route";

export const dynamic = "force-dynamic";

/** The evidence bundle: PDF, calls CSV, manifest.json and SHA256SUMS in one zip (same options as the PDF). */
export const GET = orgRoute<{ orgId: string; incidentId: string }>("export", async (ctx, request, { incidentId }) => {
  const bundle = await buildEvidenceBundle(ctx, incidentId, evidenceOptionsFrom(new URL(request.url).searchParams));
  return new Response(new Uint8Array(bundle.bytes), {
    headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${bundle.fileName}"`, "Cache-Control": "no-store" },
  });
});
