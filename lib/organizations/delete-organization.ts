import "server-only";
import type { Database } from "@/lib/db/org-context";

// Removes an organization and everything it owns, in one transaction. call_records has no foreign
// keys (for loading speed, see ARCHITECTURE.md), so its rows go first, explicitly; the rest cascades.

export async function deleteOrganization(db: Database, orgId: string): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("DELETE FROM call_records WHERE org_id = $1", [orgId]);
    await client.query("DELETE FROM organizations WHERE id = $1", [orgId]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
