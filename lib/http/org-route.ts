import "server-only";
import { getDatabase } from "@/lib/db/database";
import { loadOrgContext, LOCAL_OPERATOR, type OrgContext } from "@/lib/db/org-context";
import { handleRoute } from "@/lib/http/responses";

// Wraps an organization's route handler: resolve the organization from the path (404 when it does
// not exist), then run the handler with thrown lib errors mapped to JSON responses. Sign-in and
// permission checks join here with accounts (issue 7).

type RouteContext<Params> = { params: Promise<Params> };

export function orgRoute<Params extends { orgId: string }>(
  handler: (ctx: OrgContext, request: Request, params: Params) => Promise<Response>,
) {
  return (request: Request, context: RouteContext<Params>) =>
    handleRoute(async () => {
      const params = await context.params;
      const ctx = await loadOrgContext(getDatabase(), { id: params.orgId }, LOCAL_OPERATOR);
      return handler(ctx, request, params);
    });
}
