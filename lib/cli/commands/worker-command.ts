import "server-only";
import { openDatabaseServer } from "@/lib/cli/database-server";
import { migrateDatabase } from "@/lib/db/migrate";
import { withDatabase } from "@/lib/db/with-database";
import { getEnv } from "@/lib/env";
import { runBackgroundJobs } from "@/lib/jobs/run-background-jobs";

export const WORKER_USAGE = "tollwatch worker";

/** `tollwatch worker`: runs the background jobs until stopped (Ctrl-C or SIGTERM), without the web app. */
export async function workerCommand(log: (line: string) => void): Promise<number> {
  const server = await openDatabaseServer(getEnv(), "borrow", log);
  try {
    await migrateDatabase(server.url, { log });
    return await withDatabase(server.url, async (db) => {
      const jobs = await runBackgroundJobs(db, getEnv(), { log });
      log("Worker running: alert delivery, detection of completed days, clean-up. Ctrl-C stops it.");
      await new Promise<void>((resolve) => {
        for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => resolve());
      });
      log("Stopping: jobs in progress finish or return to the queue.");
      await jobs.stop();
      return 0;
    });
  } finally {
    await server.stop();
  }
}
