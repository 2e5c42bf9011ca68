import "server-only";
import type { Database } from "@/lib/db/org-context";

// Progress a person can watch: bytes received and rows read (with an estimate of the total from the
// announced size), written outside the loading transaction at most every half second, and the
// heartbeat that tells a running import from one whose process died.

const INTERVAL_MS = 500;

/** A "processing" upload whose heartbeat is older than this was interrupted (see fail-stale-uploads). */
export const HEARTBEAT_INTERVAL_MS = 10_000;

export type ProgressReporter = { report(bytesReceived: number, rowsRead: number): void; stop(): Promise<void> };

export function createProgressReporter(db: Database, scope: { orgId: string; uploadId: string; expectedBytes: number | null }): ProgressReporter {
  let lastWrite = 0;
  let pending: Promise<unknown> = Promise.resolve();
  let latest = { bytesReceived: 0, rowsRead: 0 };

  const write = () => {
    const { bytesReceived, rowsRead } = latest;
    const rowsEstimate = scope.expectedBytes && bytesReceived > 0 && rowsRead > 0
      ? Math.max(rowsRead, Math.round((rowsRead / bytesReceived) * scope.expectedBytes))
      : null;
    pending = pending
      .then(() => db.pool.query(
        `UPDATE uploads SET bytes_received = $3, rows_read = $4, rows_estimate = $5, heartbeat_at = now()
          WHERE id = $1 AND org_id = $2 AND status = 'processing'`,
        [scope.uploadId, scope.orgId, bytesReceived, rowsRead, rowsEstimate],
      ))
      .catch(() => {}); // progress is best effort; the import itself decides success
  };

  // Merging and rolling up a large upload takes a while without new rows: keep the heartbeat going.
  const heartbeat = setInterval(write, HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();

  return {
    report(bytesReceived, rowsRead) {
      latest = { bytesReceived, rowsRead };
      const now = Date.now();
      if (now - lastWrite < INTERVAL_MS) return;
      lastWrite = now;
      write();
    },
    async stop() {
      clearInterval(heartbeat);
      write();
      await pending;
    },
  };
}
