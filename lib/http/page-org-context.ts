import "server-only";
import { notFound } from "next/navigation";
import { getDatabase } from "@/lib/db/database";
import { loadOrgContext, LOCAL_OPERATOR, type OrgContext } from "@/lib/db/org-context";
import { NotFoundError } from "@/lib/errors";

/** The organization a page's [orgSlug] names, or the 404 page. */
export async function orgContextForPage(orgSlug: string): Promise<OrgContext> {
  try {
    return await loadOrgContext(getDatabase(), { slug: orgSlug }, LOCAL_OPERATOR);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
