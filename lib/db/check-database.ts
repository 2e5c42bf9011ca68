import "server-only";
import type { Database } from "@/lib/db/org-context";

export async function checkDatabase(db: Database): Promise<{ ok: boolean; latencyMs: number }> {
  const started = performance.now();
  try {
    await db.pool.query("SELECT 1");
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, latencyMs: Math.round(performance.now() - started) };
  }
}
