import "server-only";
import { notFound } from "next/navigation";
import type { Permission } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/database";
import { hasPermission, loadOrgContextForMember, requirePermission, type OrgContext } from "@/lib/db/org-context";
import { NotFoundError } from "@/lib/errors";

/**
 * The organization a page's [orgSlug] names, as the signed-in member sees it: sign-in first, and the
 * 404 page when they are not a member or their role lacks `permission` (a page they cannot use does
 * not exist for them).
 */
export async function orgContextForPage(orgSlug: string, permission: Permission = "read"): Promise<OrgContext> {
  const user = await requireUser(`/orgs/${encodeURIComponent(orgSlug)}`);
  try {
    const ctx = await loadOrgContextForMember(getDatabase(), { slug: orgSlug }, user.id);
    if (!hasPermission(ctx.actor, permission)) notFound();
    return ctx;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/** The same for a server action: throws (NotFoundError, ForbiddenError) instead of rendering. */
export async function orgContextForAction(orgSlug: string, permission: Permission): Promise<OrgContext> {
  const user = await requireUser();
  const ctx = await loadOrgContextForMember(getDatabase(), { slug: orgSlug }, user.id);
  requirePermission(ctx, permission);
  return ctx;
}

/** Whether the page's member may upload (for offering the upload links; the routes check again). */
export function mayUpload(ctx: OrgContext): boolean {
  return hasPermission(ctx.actor, "upload");
}
