import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/database";
import { listOrganizations } from "@/lib/queries/organizations-page";

// The start: setup or sign-in first; then the only organization's overview, the list when there
// are several, set-up of an organization when none.
export default async function HomePage() {
  const user = await requireUser();
  const organizations = await listOrganizations(getDatabase(), user.id);
  if (organizations.length === 0) redirect("/orgs/new");
  if (organizations.length === 1) redirect(`/orgs/${organizations[0].slug}`);
  redirect("/orgs");
}
