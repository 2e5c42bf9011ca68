import "server-only";
import type { Database } from "@/lib/db/org-context";

// Daily retention clean-up of records that have served their purpose: expired sessions and one-time
// tokens, and sign-in throttles whose window and lock are long past. (pg-boss prunes its own jobs.)

export async function cleanUpExpired(db: Database): Promise<Record<string, number>> {
  const sessions = await db.pool.query(`DELETE FROM sessions WHERE expires_at < now()`);
  const verifications = await db.pool.query(`DELETE FROM verifications WHERE expires_at < now()`);
  const throttles = await db.pool.query(
    `DELETE FROM sign_in_throttles WHERE window_started_at < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now())`,
  );
  return { sessions: sessions.rowCount ?? 0, verifications: verifications.rowCount ?? 0, throttles: throttles.rowCount ?? 0 };
}
