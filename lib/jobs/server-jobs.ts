import "server-only";
import { getDatabase } from "@/lib/db/database";
import { getEnv } from "@/lib/env";
import { runBackgroundJobs, type BackgroundJobs } from "@/lib/jobs/run-background-jobs";

// The web server's workers (started from instrumentation.ts), stopped with the server.

let jobs: Promise<BackgroundJobs | null> | undefined;

export function startServerJobs(): Promise<BackgroundJobs | null> {
  jobs ??= start();
  return jobs;
}

async function start(): Promise<BackgroundJobs | null> {
  const env = getEnv();
  if (env.TOLLWATCH_BACKGROUND_JOBS === "off" || !env.DATABASE_URL) return null;
  try {
    const running = await runBackgroundJobs(getDatabase(), env);
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void running.stop());
    return running;
  } catch (error) {
    // The dashboard still works without them; alerts wait in the queue for a worker.
    console.error("Background jobs did not start; alerts wait until they do (or run `tollwatch worker`).", error);
    return null;
  }
}
