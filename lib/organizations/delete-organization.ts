import "server-only";
import { inTransaction } from "@/lib/db/in-transaction";
import type { Database } from "@/lib/db/org-context";

// Removes an organization and everything it owns, in one transaction. call_records has no foreign
// keys (for loading speed, see ARCHITECTURE.md), so its rows go first, explicitly; the rest cascades.

export async function deleteOrganization(db: Database, orgId: string): Promise<void> {
  await inTransaction(db.pool, async (client) => {
    await client.query("DELETE FROM call_records WHERE org_id = $1", [orgId]);
    await client.query("DELETE FROM organizations WHERE id = $1", [orgId]);
  });
}
