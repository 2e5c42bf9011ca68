import "server-only";
import type { Database } from "@/lib/db/org-context";
import { HEARTBEAT_INTERVAL_MS } from "@/lib/ingest/upload-progress";

// An import whose process died (crash, kill, power cut) left no calls — its transaction rolled
// back — but its upload still says "processing". Once its heartbeat is clearly stale it is marked
// failed, ready to retry. Maintenance across organizations at start-up, or one organization's.

const STALE_AFTER_MS = 6 * HEARTBEAT_INTERVAL_MS;
const NEVER_ARRIVED_AFTER_MS = 60 * 60 * 1000;

export async function failStaleUploads(db: Database, options: { orgId?: string; now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const result = await db.pool.query(
    `UPDATE uploads
        SET status = 'failed', finished_at = $1,
            status_message = CASE WHEN status = 'processing'
              THEN 'The import was interrupted (the server stopped or crashed) before it finished. None of its calls were stored; upload the file again.'
              ELSE 'The file never arrived. Upload it again.' END
      WHERE ($4::uuid IS NULL OR org_id = $4)
        AND ((status = 'processing' AND coalesce(heartbeat_at, started_at, created_at) < $2)
          OR (status = 'pending' AND created_at < $3))`,
    [now, new Date(now.getTime() - STALE_AFTER_MS), new Date(now.getTime() - NEVER_ARRIVED_AFTER_MS), options.orgId ?? null],
  );
  return result.rowCount ?? 0;
}
