import "server-only";
import PgBoss from "pg-boss";
import type pg from "pg";
import type { Database } from "@/lib/db/org-context";

// Background work (alert delivery, detection when a day completes, clean-up) goes through pg-boss:
// a job queue in the same PostgreSQL (schema "pgboss", which it creates and migrates itself), so
// jobs survive restarts and need no other server. Any process may enqueue — the web server, the
// CLI, a test — and enqueueing can join the caller's transaction, so a job exists exactly when the
// rows it works on were committed. The web server (instrumentation.ts) or `tollwatch worker` runs them.

export const QUEUES = {
  /** Send one alert through one channel; retried with exponential backoff for about an hour and a half. */
  alertDelivery: "alert-delivery",
  /** Every 15 minutes: run detection over organization-local days that ended since the last run. */
  dayCompletion: "day-completion",
  /** Daily: delete expired sessions, verifications, invitations and sign-in throttles. */
  cleanUp: "clean-up",
} as const;

/** Retries of a delivery: 5 s, then doubling (with jitter) ten times. */
export const ALERT_DELIVERY_RETRIES = { retryLimit: 10, retryDelay: 5, retryBackoff: true } as const;

const QUEUE_OPTIONS: Record<(typeof QUEUES)[keyof typeof QUEUES], PgBoss.Queue> = {
  [QUEUES.alertDelivery]: { name: QUEUES.alertDelivery, ...ALERT_DELIVERY_RETRIES, expireInSeconds: 120 },
  [QUEUES.dayCompletion]: { name: QUEUES.dayCompletion, policy: "singleton", retryLimit: 2, expireInSeconds: 1800 },
  [QUEUES.cleanUp]: { name: QUEUES.cleanUp, policy: "singleton", retryLimit: 2, expireInSeconds: 600 },
};

/** A pg-boss executor over our pool, or over one client inside a transaction. */
export function executorOf(client: pg.Pool | pg.PoolClient): PgBoss.Db {
  return { executeSql: (text, values) => client.query(text, values) };
}

export type JobQueueOptions = { supervise?: boolean; schedule?: boolean; pollingIntervalSeconds?: number };

/** Starts pg-boss on the database's pool (installing or migrating its schema) with Tollwatch's queues. */
export async function startJobQueue(db: Database, options: JobQueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    db: executorOf(db.pool),
    supervise: options.supervise ?? false,
    schedule: options.schedule ?? false,
    migrate: true,
    maintenanceIntervalSeconds: 30,
  });
  boss.on("error", (error) => console.error("Job queue:", error));
  await boss.start();
  for (const queue of Object.values(QUEUE_OPTIONS)) {
    if (!(await boss.getQueue(queue.name))) await boss.createQueue(queue.name, queue);
  }
  return boss;
}

const enqueuers = new WeakMap<pg.Pool, Promise<PgBoss>>();

/** The process's pg-boss for sending jobs (no workers, no maintenance), started once per database. */
export function jobSender(db: Database): Promise<PgBoss> {
  let boss = enqueuers.get(db.pool);
  if (!boss) {
    boss = startJobQueue(db);
    boss.catch(() => enqueuers.delete(db.pool));
    enqueuers.set(db.pool, boss);
  }
  return boss;
}
