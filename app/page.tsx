import { redirect } from "next/navigation";
import { getDatabase } from "@/lib/db/database";
import { listOrganizations } from "@/lib/queries/organizations-page";

// The start: the only organization's overview, the list when there are several, set-up when none.
export default async function HomePage() {
  const organizations = await listOrganizations(getDatabase());
  if (organizations.length === 0) redirect("/orgs/new");
  if (organizations.length === 1) redirect(`/orgs/${organizations[0].slug}`);
  redirect("/orgs");
}
