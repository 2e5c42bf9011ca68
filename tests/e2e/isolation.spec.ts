import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "../support/e2e-test";
import { fixturePath } from "../support/fixtures";
import { createOrgThroughPage, inviteAndJoin, uploadBytes, uploadFixture, type E2eOrg } from "../support/e2e-org";
import { syntheticOfficeMaster } from "../support/synthetic-office";

// Nobody sees a call they should not. Every organization page and API route of the app is found on
// disk (so a new one is covered the day it is added) and requested, with organization B's real ids:
// - by B's owner: every page answers 200 (the paths are real, the 404s below are not vacuous);
// - by Mallory, an administrator of organization A only, with her session and with A's API key:
//   every page and every method of every route is 404 — B's uploads, calls, incidents and exports
//   do not exist for her;
// - by Vera, a viewer of B: pages for changes are 404 and every mutating route is 403.

const APP = path.join(process.cwd(), "app");

type Found = { template: string; file: string };

function walk(folder: string, name: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? walk(full, name) : entry.name === name ? [full] : [];
  });
}

/** URL templates of files under app/ (route groups dropped), only those of one organization. */
function orgTemplates(fileName: string): Found[] {
  return walk(APP, fileName)
    .map((file) => ({ file, template: `/${path.relative(APP, path.dirname(file)).split(path.sep).filter((part) => !/^\(.*\)$/.test(part)).join("/")}` }))
    .filter(({ template }) => template.includes("[orgSlug]") || template.includes("[orgId]"));
}

function methodsOf(file: string): string[] {
  return [...fs.readFileSync(file, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1]);
}

type Ids = { org: E2eOrg; uploadId: string; mappingUploadId: string; incidentId: string };

function fill(template: string, ids: Ids): string {
  const uploadId = template.includes("column-mapping") ? ids.mappingUploadId : ids.uploadId;
  return template.replace("[orgSlug]", ids.org.slug).replace("[orgId]", ids.org.id).replace("[uploadId]", uploadId).replace("[incidentId]", ids.incidentId).replace("[day]", "2026-02-14").replace(/\[[^\]]+\]/g, "unknown");
}

async function call(request: APIRequestContext, method: string, url: string, headers: Record<string, string>) {
  return request.fetch(url, { method, headers, data: method === "GET" ? undefined : {} });
}

const PAGES = orgTemplates("page.tsx");
const ROUTES = orgTemplates("route.ts");
// Pages for changes, and the evidence pack's print view (an export: analysts and up).
const CHANGE_PAGES = ["/uploads/new", "/column-mapping", "/api-keys", "/alerts", "/audit", "/settings", "/print"];

test("members of one organization get 404 for everything of another; viewers cannot change anything", async ({ page, browser }) => {
  test.setTimeout(180_000);
  expect(PAGES.length).toBeGreaterThanOrEqual(8);
  expect(ROUTES.length).toBeGreaterThanOrEqual(4);

  const orgA = await createOrgThroughPage(page, "Isolation A");
  const orgB = await createOrgThroughPage(page, "Isolation B");
  // B has an ordinary upload, one waiting for its columns to be mapped, and a flood with its incident.
  const flood = syntheticOfficeMaster({ firstDay: "2026-02-02", days: 16, floodStartDay: "2026-02-14", floodDays: 1 });
  await uploadBytes(page, orgB, "Master.csv", Buffer.from(flood));
  await page.goto(`/orgs/${orgB.slug}/incidents`);
  const incidentId = (await page.locator("[data-incident]").first().getAttribute("data-incident")) ?? "none";
  const ids: Ids = { org: orgB, uploadId: await uploadFixture(page, orgB, "asterisk/cdr.csv"), mappingUploadId: await uploadFixture(page, orgB, "column-mapping/japanese-carrier-cp932.csv", 400), incidentId };

  for (const { template } of PAGES) {
    const response = await page.goto(fill(template, ids));
    expect(response?.status(), `owner: ${template}`).toBe(200);
  }

  const stamp = Date.now().toString(36);
  const mallory = await inviteAndJoin(page, browser, orgA, "admin", { name: "Mallory", email: `mallory-${stamp}@example.test`, password: "mallory passphrase 1" });
  const key = await createIngestKey(mallory, orgA);
  const origin = new URL(page.url()).origin;
  // The key works for its own organization: a machine sends a file and reads its status.
  const bytes = fs.readFileSync(fixturePath("asterisk/cdr.csv"));
  const announced = await mallory.request.post(`/api/orgs/${orgA.id}/uploads`, { data: { fileName: "Master.csv", expectedBytes: bytes.length, fileTimeZone: "UTC" }, headers: { authorization: `Bearer ${key}` } });
  expect(announced.status(), await announced.text()).toBe(201);
  const { uploadId } = (await announced.json()) as { uploadId: string };
  const sent = await mallory.request.put(`/api/orgs/${orgA.id}/uploads/${uploadId}/content`, { data: bytes, headers: { authorization: `Bearer ${key}`, "content-type": "application/octet-stream" } });
  expect(sent.status(), await sent.text()).toBe(200);
  const status = await mallory.request.get(`/api/orgs/${orgA.id}/uploads/${uploadId}`, { headers: { authorization: `Bearer ${key}` } });
  expect(await status.json()).toMatchObject({ status: "completed" });
  // The ingest API: the same file pushed again stores nothing new; naming B with A's key is refused.
  const pushed = await mallory.request.post("/api/v1/cdrs?fileTimeZone=UTC", { data: bytes, headers: { authorization: `Bearer ${key}`, "content-type": "text/csv" } });
  expect(pushed.status(), await pushed.text()).toBe(200);
  expect((await pushed.json()).summary).toMatchObject({ imported: 0, duplicates: 174 });
  expect((await mallory.request.post(`/api/v1/cdrs?org=${orgB.slug}`, { data: bytes, headers: { authorization: `Bearer ${key}`, "content-type": "text/csv" } })).status()).toBe(403);
  expect((await mallory.request.post("/api/v1/cdrs", { data: bytes, headers: { "content-type": "text/csv" } })).status()).toBe(401);
  for (const { template } of PAGES) {
    const response = await mallory.goto(fill(template, ids));
    expect(response?.status(), `Mallory: ${template}`).toBe(404);
  }
  for (const { template, file } of ROUTES) {
    for (const method of methodsOf(file)) {
      const url = fill(template, ids);
      expect((await call(mallory.request, method, url, { origin })).status(), `Mallory's session: ${method} ${template}`).toBe(404);
      expect((await call(mallory.request, method, url, { authorization: `Bearer ${key}` })).status(), `A's API key: ${method} ${template}`).toBe(404);
    }
  }

  const vera = await inviteAndJoin(page, browser, orgB, "viewer", { name: "Vera", email: `vera-${stamp}@example.test`, password: "vera passphrase 12" });
  for (const { template } of PAGES) {
    const response = await vera.goto(fill(template, ids));
    const isChange = CHANGE_PAGES.some((suffix) => template.endsWith(suffix));
    expect(response?.status(), `Vera: ${template}`).toBe(isChange ? 404 : 200);
  }
  for (const { template, file } of ROUTES) {
    for (const method of methodsOf(file).filter((candidate) => candidate !== "GET")) {
      expect((await call(vera.request, method, fill(template, ids), { origin })).status(), `Vera: ${method} ${template}`).toBe(403);
    }
  }
  // A cross-site request that carries the owner's session is refused before anything happens.
  expect((await call(page.request, "POST", `/api/orgs/${orgB.id}/uploads`, { origin: "https://evil.example" })).status()).toBe(403);
});

async function createIngestKey(admin: Page, org: E2eOrg): Promise<string> {
  await admin.goto(`/orgs/${org.slug}/api-keys`);
  await admin.getByLabel("Name").fill("Mallory's PBX");
  await admin.getByRole("button", { name: "Create key" }).click();
  const key = await admin.getByTestId("api-key").inputValue();
  expect(key).toMatch(/^tw_/);
  return key;
}
