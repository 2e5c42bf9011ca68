import "server-only";
import { deliverAlert } from "@/lib/alerts/deliver-alert";
import type { Database } from "@/lib/db/org-context";
import type { Env } from "@/lib/env";
import { cleanUpExpired } from "@/lib/jobs/clean-up-expired";
import { detectCompletedDays } from "@/lib/jobs/detect-completed-days";
import { QUEUES, startJobQueue } from "@/lib/jobs/job-queue";

// The workers: the web server runs them (instrumentation.ts), or `tollwatch worker` on its own. Jobs
// wait in PostgreSQL, so a worker that stops (or is killed) loses nothing: retries and expired
// attempts are picked up by the next one. Several workers may run against one database.

export type BackgroundJobs = { stop(): Promise<void> };

const DELIVERY_WORKERS = 2;

export async function runBackgroundJobs(db: Database, env: Env, options: { pollingIntervalSeconds?: number; log?: (line: string) => void } = {}): Promise<BackgroundJobs> {
  const log = options.log ?? ((line: string) => console.log(line));
  const boss = await startJobQueue(db, { supervise: true, schedule: true });
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 };
  for (let worker = 0; worker < DELIVERY_WORKERS; worker++) {
    await boss.work<{ deliveryId: string }>(QUEUES.alertDelivery, { ...polling, batchSize: 1, includeMetadata: true }, async ([job]) => {
      await deliverAlert(db, env, job.data.deliveryId, { number: job.retryCount + 1, isLast: job.retryCount >= job.retryLimit });
    });
  }
  await boss.work(QUEUES.dayCompletion, { pollingIntervalSeconds: 30 }, async () => {
    const days = await detectCompletedDays(db);
    if (days > 0) log(`Detection over ${days} completed day(s).`);
  });
  await boss.work(QUEUES.cleanUp, { pollingIntervalSeconds: 60 }, async () => {
    const removed = await cleanUpExpired(db);
    log(`Clean-up: ${JSON.stringify(removed)}`);
  });
  await boss.schedule(QUEUES.dayCompletion, "*/15 * * * *");
  await boss.schedule(QUEUES.cleanUp, "17 3 * * *", undefined, { tz: "UTC" });
  return { stop: () => boss.stop({ graceful: true, wait: true, timeout: 15_000 }) };
}
