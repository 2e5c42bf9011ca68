import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { pushCommand } from "@/lib/cli/commands/push-command";
import type { OrgContext } from "@/lib/db/org-context";
import { errorResponse } from "@/lib/http/responses";
import { receivePushedCdrs } from "@/lib/ingest-api/receive-pushed-cdrs";
import { createOrg } from "@/prisma/seed/create-org";
import { syntheticOfficeMaster } from "@/tests/support/synthetic-office";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// `tollwatch push` from a PBX by cron: the first run sends the whole Master.csv in batches, later
// runs only the lines written since (a half-written last line waits for the next run), a server
// that answers 503 once is retried, and a rotated file is read from its start.

let db: TestDatabase;
let ctx: OrgContext;
let key: string;
let server: http.Server;
let url: string;
let failNext = 0;
const received: number[] = [];
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tollwatch-push-"));

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = await createOrg(db, { timeZone: "Asia/Tokyo" });
  key = (await createApiKey(ctx, { name: "PBX", scopes: ["ingest"] })).key;
  // The ingest API's receiver behind a plain HTTP server, as the route handler runs it.
  server = http.createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    if (failNext > 0) {
      failNext--;
      outgoing.writeHead(503, { "content-type": "application/json" }).end('{"error":{"message":"restarting"}}');
      return;
    }
    const body = Buffer.concat(chunks);
    received.push(body.length);
    const request = new Request(`http://push.test${incoming.url}`, { method: "POST", headers: incoming.headers as Record<string, string>, body });
    try {
      const result = await receivePushedCdrs(db, request, { maxBytes: 1e8, dataDir: null });
      outgoing.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
    } catch (error) {
      const response = errorResponse(error);
      outgoing.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 60_000);
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(folder, { recursive: true, force: true });
  await db.drop();
});

const calls = () => db.prisma.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) FROM call_records WHERE org_id = '${ctx.org.id}'`).then((rows) => Number(rows[0].count));

test("cron runs send the whole file once, then only new complete lines, retrying a busy server", async () => {
  const lines = syntheticOfficeMaster({ firstDay: "2026-02-02", days: 10 }).trimEnd().split("\n");
  const master = path.join(folder, "Master.csv");
  const state = path.join(folder, "master.offset");
  const log: string[] = [];
  const run = () => pushCommand(["--url", url, "--key", key, "--batch-lines", "100", "--state", state, master], (line) => log.push(line), async () => {});

  fs.writeFileSync(master, `${lines.slice(0, 250).join("\n")}\n${lines[250].slice(0, 40)}`);
  expect(await run()).toBe(0);
  expect(received).toHaveLength(3);
  expect(await calls()).toBe(250);

  fs.writeFileSync(master, `${lines.slice(0, 300).join("\n")}\n`);
  failNext = 1;
  expect(await run()).toBe(0);
  expect(log.some((line) => line.includes("answered 503"))).toBe(true);
  expect(await calls()).toBe(300);
  expect(log.at(-1)).toBe("Sent 50 rows: 50 new calls, 0 already known, 0 rejected.");

  expect(await run()).toBe(0);
  expect(log.at(-1)).toBe("Sent 0 rows: 0 new calls, 0 already known, 0 rejected.");

  // Rotated: a shorter file starts again from its first line; known calls are duplicates.
  fs.writeFileSync(master, `${lines.slice(0, 20).join("\n")}\n`);
  expect(await run()).toBe(0);
  expect(log.at(-1)).toBe("Sent 20 rows: 0 new calls, 20 already known, 0 rejected.");
}, 120_000);

test("a refused key fails at once, without retries", async () => {
  const master = path.join(folder, "one.csv");
  fs.writeFileSync(master, `${syntheticOfficeMaster({ firstDay: "2026-02-02", days: 1 }).trimEnd().split("\n")[0]}\n`);
  await expect(pushCommand(["--url", url, "--key", "tw_wrong", master], () => {}, async () => {})).rejects.toThrow(/refused the batch \(401\): This is not a Tollwatch API key/);
});
