import { spawn, type ChildProcess } from "node:child_process";
import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createAlertChannel } from "@/lib/alerts/alert-channels";
import type { OrgContext } from "@/lib/db/org-context";
import { runIngest } from "@/lib/ingest/run-ingest";
import { createOrg } from "@/prisma/seed/create-org";
import { startHttpReceiver } from "@/tests/support/alert-receivers";
import { syntheticOfficeMaster } from "@/tests/support/synthetic-office";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// Alerts wait in PostgreSQL, not in a process: a worker (`tollwatch worker`, what the web server
// runs too) that is killed while an alert's delivery is failing and being retried loses nothing —
// the next worker delivers it, once.

let db: TestDatabase;
let office: OrgContext;
let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
const workers: ChildProcess[] = [];

const tokyoDay = (offsetDays: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date(Date.now() + offsetDays * 86_400_000));

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ["bin/tollwatch.mjs", "worker"], {
    env: { ...process.env, DATABASE_URL: db.url, TOLLWATCH_PUBLIC_URL: "https://tollwatch.example.jp" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", () => {});
  child.stdout!.on("data", () => {});
  workers.push(child);
  return child;
}

beforeAll(async () => {
  db = await createTestDatabase();
  office = await createOrg(db, { timeZone: "Asia/Tokyo" });
  receiver = await startHttpReceiver();
  receiver.state.status = 503;
  await createAlertChannel(office, { name: "Ticketing", kind: "webhook", target: `${receiver.url}/hook`, language: "en" });
}, 60_000);

afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null) worker.kill("SIGKILL");
  await receiver?.close();
  await db?.drop();
});

test("a worker killed while an alert is being retried loses it not: the next one delivers it once", async () => {
  const master = syntheticOfficeMaster({ firstDay: tokyoDay(-29), days: 28, floodStartDay: tokyoDay(-1), floodDays: 1 });
  await runIngest(office, { source: Readable.from([Buffer.from(master)]), fileName: "Master.csv", maxBytes: 1e9 });
  const [delivery] = await db.prisma.alertDelivery.findMany({ select: { id: true } });
  expect(delivery).toBeDefined();

  const first = startWorker();
  await waitFor(async () => (await jobState(delivery.id)) === "retry" && (await db.prisma.alertDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).attempts >= 1, 60_000);
  first.kill("SIGKILL");
  await new Promise((resolve) => first.once("exit", resolve));
  expect(receiver.posts).toHaveLength(0);

  receiver.state.status = 200;
  const second = startWorker();
  await waitFor(async () => (await db.prisma.alertDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status === "sent", 90_000);
  second.kill("SIGTERM");
  await new Promise((resolve) => second.once("exit", resolve));

  expect(receiver.posts).toHaveLength(1);
  expect(receiver.posts[0].json.type).toBe("incident.opened");
  expect(receiver.state.attempts).toBeGreaterThanOrEqual(2);
  const history = await db.prisma.incidentEvent.findMany({ where: { kind: { in: ["alert_failed", "alert_sent"] } }, orderBy: { createdAt: "asc" }, select: { kind: true, details: true } });
  expect(history.at(-1)!.kind).toBe("alert_sent");
  expect(history.filter((event) => event.kind === "alert_sent")).toHaveLength(1);
  expect(history[0]).toMatchObject({ kind: "alert_failed", details: { reason: "HTTP 503: unavailable", willRetry: true, attempt: 1 } });
}, 180_000);

async function jobState(deliveryId: string): Promise<string | undefined> {
  const result = await db.pool.query<{ state: string }>(`SELECT state FROM pgboss.job WHERE name = 'alert-delivery' AND data->>'deliveryId' = $1`, [deliveryId]);
  return result.rows[0]?.state;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("Timed out.");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
