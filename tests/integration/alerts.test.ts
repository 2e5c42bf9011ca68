import { afterAll, beforeAll, expect, test } from "vitest";
import { createAlertChannel } from "@/lib/alerts/alert-channels";
import { createApiKey } from "@/lib/api-keys/api-keys";
import type { OrgContext } from "@/lib/db/org-context";
import { runDetection } from "@/lib/detection/run-detection";
import { getEnv } from "@/lib/env";
import { receivePushedCdrs } from "@/lib/ingest-api/receive-pushed-cdrs";
import { runBackgroundJobs, type BackgroundJobs } from "@/lib/jobs/run-background-jobs";
import { createOrg } from "@/prisma/seed/create-org";
import { startHttpReceiver, startSmtpReceiver } from "@/tests/support/alert-receivers";
import { syntheticOfficeMaster } from "@/tests/support/synthetic-office";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// From a running PBX to an alert: four weeks of office history, then yesterday's seed-like flood to
// Sierra Leone pushed into the ingest API minute by minute. The alert reaches a local SMTP server,
// a JSON webhook and a Slack-compatible webhook within a minute of the first fraudulent call's
// arrival — once when the incident opens, once per escalation step (severity up, cost past a step),
// never twice for the same step, whatever is pushed or re-detected afterwards.

let db: TestDatabase;
let office: OrgContext;
let key: string;
let jobs: BackgroundJobs;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let hooks: Awaited<ReturnType<typeof startHttpReceiver>>;

const tokyoDay = (offsetDays: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date(Date.now() + offsetDays * 86_400_000));
const floodDay = tokyoDay(-1);
const master = syntheticOfficeMaster({ firstDay: tokyoDay(-29), days: 28, floodStartDay: floodDay, floodDays: 1 });
const lines = master.trimEnd().split("\n");
const startOf = (line: string) => line.split('","')[9];
const floodStart = `${floodDay} 02:30`;
const history = lines.filter((line) => startOf(line) < floodStart);
const flood = lines.filter((line) => startOf(line) >= floodStart);
/** "YYYY-MM-DD HH:MM" of the flood's day, `minutes` after 02:30. */
const wallMinute = (minutes: number) => `${floodDay} ${String(2 + Math.floor((30 + minutes) / 60)).padStart(2, "0")}:${String((30 + minutes) % 60).padStart(2, "0")}`;

function push(body: string) {
  const request = new Request("http://tollwatch.test/api/v1/cdrs", {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "text/csv", "content-length": String(Buffer.byteLength(body)) },
    body,
    duplex: "half",
  } as RequestInit);
  return receivePushedCdrs(db, request, { maxBytes: 10 * 1024 ** 2, dataDir: null });
}

beforeAll(async () => {
  db = await createTestDatabase();
  office = await createOrg(db, { timeZone: "Asia/Tokyo" });
  key = (await createApiKey(office, { name: "PBX", scopes: ["ingest"] })).key;
  smtp = await startSmtpReceiver();
  hooks = await startHttpReceiver();
  await createAlertChannel(office, { name: "On-call", kind: "email", target: "oncall@example.test, it@example.test", language: "ja" });
  await createAlertChannel(office, { name: "Ticketing", kind: "webhook", target: `${hooks.url}/hook`, language: "en" });
  await createAlertChannel(office, { name: "Chat", kind: "slack", target: `${hooks.url}/slack`, language: "ja" });
  jobs = await runBackgroundJobs(db, { ...getEnv(), TOLLWATCH_SMTP_URL: smtp.url, TOLLWATCH_PUBLIC_URL: "https://tollwatch.example.jp" }, { pollingIntervalSeconds: 0.5, log: () => {} });
}, 60_000);

afterAll(async () => {
  await jobs?.stop();
  await smtp?.close();
  await hooks?.close();
  await db?.drop();
});

const webhookDocs = () => hooks.posts.filter((post) => post.path === "/hook").map((post) => post.json);
const slackTexts = () => hooks.posts.filter((post) => post.path === "/slack").map((post) => String(post.json.text));

test("the flood pushed minute by minute is alerted within a minute, once per step, on every channel", async () => {
  expect((await push(`${history.join("\n")}\n`)).summary.imported).toBe(history.length);
  expect(await db.prisma.alert.count()).toBe(0);

  let firstFloodArrival: number | null = null;
  let openedAtMinute: number | null = null;
  for (let minute = 0; minute < 60; minute++) {
    const batch = flood.filter((line) => startOf(line) >= wallMinute(minute) && startOf(line) < wallMinute(minute + 1));
    if (batch.length === 0) continue;
    firstFloodArrival ??= Date.now();
    await push(`${batch.join("\n")}\n`);
    if (openedAtMinute === null && (await db.prisma.alert.count()) > 0) openedAtMinute = minute;
  }
  expect(firstFloodArrival).not.toBeNull();
  expect(openedAtMinute, "the incident opened within the flood's first quarter hour").toBeLessThan(15);

  const alerts = await db.prisma.alert.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, severity: true, costStep: true, incidentId: true } });
  expect(new Set(alerts.map((alert) => alert.incidentId)).size).toBe(1);
  expect(alerts.length, "an opening and at least one escalation").toBeGreaterThanOrEqual(2);
  await waitFor(() => smtp.mails.length >= alerts.length && webhookDocs().length >= alerts.length && slackTexts().length >= alerts.length, 60_000);

  const firstDelivery = Math.min(smtp.mails[0].at, hooks.posts[0].at);
  console.log(`alerts: opened after ${openedAtMinute} flood minutes; first delivery ${((firstDelivery - firstFloodArrival!) / 1000).toFixed(1)} s after the first fraudulent call arrived; ${alerts.length} steps`);
  expect(firstDelivery - firstFloodArrival!).toBeLessThan(60_000);
  if (process.env.SHOW_ALERTS) console.log(JSON.stringify(alerts), smtp.mails.map((mail) => `${mail.subject}\n${mail.body}`).join("\n-----\n"), slackTexts()[1]);

  // Exactly one message per step and channel, the opening first, each later one a higher step.
  const docs = webhookDocs();
  expect(docs).toHaveLength(alerts.length);
  expect(docs.map((doc) => doc.alertId)).toEqual(alerts.map((alert) => alert.id));
  expect(docs.map((doc) => doc.type)).toEqual(["incident.opened", ...alerts.slice(1).map(() => "incident.escalated")]);
  for (let index = 1; index < alerts.length; index++) {
    const rank = (severity: string) => ["low", "medium", "high", "critical"].indexOf(severity);
    const grew = rank(alerts[index].severity) > Math.max(...alerts.slice(0, index).map((alert) => rank(alert.severity))) ||
      Number(alerts[index].costStep) > Math.max(...alerts.slice(0, index).map((alert) => Number(alert.costStep)));
    expect(grew, `alert ${index} is a new step`).toBe(true);
  }
  expect(smtp.mails).toHaveLength(alerts.length);
  expect(slackTexts()).toHaveLength(alerts.length);

  // What the alerts say: explanation, charges so far, link, immediate actions — in the channel's language.
  const opening = docs[0] as { incident: { url: string; estimatedCost: number; destinations: Record<string, number> }; explanations: string[]; actions: string[]; text: string };
  expect(opening.incident.url).toBe(`https://tollwatch.example.jp/orgs/${office.org.slug}/incidents/${alerts[0].incidentId}`);
  expect(Object.keys(opening.incident.destinations)).toContain("SL");
  expect(opening.incident.estimatedCost).toBeGreaterThan(0);
  expect(opening.explanations.join(" ")).toMatch(/Sierra Leone/);
  expect(opening.actions.join(" ")).toMatch(/0120-210-364/);
  expect(hooks.posts[0].headers["x-tollwatch-signature"] ?? webhookSignatureOf(0)).toMatch(/^sha256=[0-9a-f]{64}$/);
  expect(smtp.mails[0].subject).toMatch(/^【Tollwatch】.*不正利用の疑い/);
  expect(smtp.mails[0].body).toContain("シエラレオネ");
  expect(smtp.mails[0].body).toContain("0120-210-364");
  expect(smtp.mails[0].raw).toMatch(/To: oncall@example\.test, it@example\.test/);
  expect(slackTexts()[0]).toContain(`/incidents/${alerts[0].incidentId}`);

  // The incident's history records each delivery.
  const sent = await db.prisma.incidentEvent.count({ where: { incidentId: alerts[0].incidentId, kind: "alert_sent" } });
  expect(sent).toBe(alerts.length * 3);
}, 240_000);

test("pushing the same calls again or re-running detection alerts nobody", async () => {
  const before = await db.prisma.alert.count();
  const replay = flood.filter((line) => startOf(line) >= wallMinute(0) && startOf(line) < wallMinute(10));
  expect((await push(`${replay.join("\n")}\n`)).summary.imported).toBe(0);
  await runDetection(office);
  await runDetection(office, { days: [floodDay] });
  expect(await db.prisma.alert.count()).toBe(before);
  const deliveries = await db.prisma.alertDelivery.groupBy({ by: ["status"], _count: true });
  expect(deliveries).toEqual([{ status: "sent", _count: before * 3 }]);
}, 120_000);

function webhookSignatureOf(index: number): string {
  return String(webhookDocsHeaders()[index]?.["x-tollwatch-signature"] ?? "");
}

function webhookDocsHeaders() {
  return hooks.posts.filter((post) => post.path === "/hook").map((post) => post.headers);
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("Timed out waiting for alerts to arrive.");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
