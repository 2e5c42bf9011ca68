import { parseCallsFilter } from "@/lib/calls/calls-filter.schema";
import { orgRoute } from "@/lib/http/org-route";
import { exportFilteredCalls } from "@/lib/reports/export-filtered-calls";

export const dynamic = "force-dynamic";

/** The calls explorer's filtered set as CSV (?mask=1 hides the last digits of third-party numbers). */
export const GET = orgRoute("export", async (ctx, request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = { ...parseCallsFilter(params), after: undefined };
  const lines = exportFilteredCalls(ctx, filter, { mask: params.mask === "1" });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="calls-${ctx.org.slug}-${stamp}.csv"` },
  });
});
