import "server-only";
import { bearerToken, orgContextForApiKey } from "@/lib/api-keys/api-keys";
import { getAuth } from "@/lib/auth/auth";
import type { Permission } from "@/lib/auth/roles";
import { getDatabase } from "@/lib/db/database";
import { loadOrgContextForMember, requirePermission, type OrgContext } from "@/lib/db/org-context";
import { getEnv } from "@/lib/env";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/responses";

// Wraps an organization's route handler. Machines send `Authorization: Bearer <API key>` (the key's
// organization and scopes); browsers send the session cookie: the signed-in user (401 without one),
// their membership of the organization in the path (404 otherwise, so its existence is not
// revealed), the role's permission (403), and for anything but GET a same-origin check against
// CSRF (session cookies are SameSite=Lax; this refuses cross-site requests that carry them anyway).
// `permission` may list several: any one of them suffices. Thrown lib errors become JSON responses.

type RouteContext<Params> = { params: Promise<Params> };

export function orgRoute<Params extends { orgId: string }>(
  permission: Permission | Permission[],
  handler: (ctx: OrgContext, request: Request, params: Params) => Promise<Response>,
) {
  return (request: Request, context: RouteContext<Params>) =>
    handleRoute(async () => {
      const params = await context.params;
      const ctx = await authenticate(request, params.orgId);
      requirePermission(ctx, permission);
      return handler(ctx, request, params);
    });
}

async function authenticate(request: Request, orgId: string): Promise<OrgContext> {
  const bearer = bearerToken(request);
  if (bearer) return orgContextForApiKey(getDatabase(), bearer, orgId);
  if (request.method !== "GET" && request.method !== "HEAD") assertSameOrigin(request);
  const session = await getAuth().api.getSession({ headers: request.headers });
  if (!session) throw new UnauthorizedError("Sign in first, or send an API key as Authorization: Bearer tw_….");
  return loadOrgContextForMember(getDatabase(), { id: orgId }, session.user.id);
}

/**
 * Browsers send Origin (and Sec-Fetch-Site) with every POST, PUT and DELETE: it must be this
 * server's — the public URL when configured, else the Host the request was sent to. A request
 * without either comes from a script, not from a page another site could trick a browser into.
 */
export function assertSameOrigin(request: Request): void {
  const publicUrl = getEnv().TOLLWATCH_PUBLIC_URL;
  const expected = publicUrl ? new URL(publicUrl).origin : `http://${request.headers.get("host")}`;
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  const isCrossSite = (origin !== null && origin !== expected) || (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none");
  if (isCrossSite) throw new ForbiddenError("This request did not come from Tollwatch's own pages.");
}
