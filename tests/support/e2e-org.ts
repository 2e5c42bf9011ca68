import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { fixturePath } from "./fixtures";

// Helpers for e2e tests that need organizations, uploads and more people than the owner.

export type E2eOrg = { slug: string; id: string; name: string };

/** Creates an organization through the page, as its owner (the signed-in page's user). */
export async function createOrgThroughPage(page: Page, prefix: string): Promise<E2eOrg> {
  const name = `${prefix} ${randomBytes(3).toString("hex")}`;
  await page.goto("/orgs/new");
  await page.getByLabel("Organization name").fill(name);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/uploads\/new$/);
  const slug = new URL(page.url()).pathname.split("/")[2];
  const id = await page.locator("[data-org-id]").getAttribute("data-org-id");
  if (!id) throw new Error("The upload page did not expose the organization id.");
  return { slug, id, name };
}

/** Uploads bytes through the upload API with the page's session; returns the upload id. */
export async function uploadBytes(page: Page, org: E2eOrg, fileName: string, bytes: Buffer, fileTimeZone?: string): Promise<string> {
  const origin = new URL(page.url()).origin;
  const created = await page.request.post(`/api/orgs/${org.id}/uploads`, { data: { fileName, expectedBytes: bytes.length, ...(fileTimeZone ? { fileTimeZone } : {}) }, headers: { origin } });
  expect(created.status()).toBe(201);
  const { uploadId } = (await created.json()) as { uploadId: string };
  const sent = await page.request.put(`/api/orgs/${org.id}/uploads/${uploadId}/content`, { data: bytes, headers: { origin, "content-type": "application/octet-stream" } });
  expect(sent.status(), await sent.text()).toBe(200);
  return uploadId;
}

/**
 * Uploads a fixture through the upload API with the page's session; returns the upload id. A file of
 * an unknown layout is answered 400 (unknown_format) and waits for its columns to be mapped.
 */
export async function uploadFixture(page: Page, org: E2eOrg, fixture: string, expectedStatus = 200): Promise<string> {
  const origin = new URL(page.url()).origin;
  const bytes = fs.readFileSync(fixturePath(fixture));
  const created = await page.request.post(`/api/orgs/${org.id}/uploads`, { data: { fileName: fixture.split("/").pop(), expectedBytes: bytes.length, fileTimeZone: "UTC" }, headers: { origin } });
  expect(created.status()).toBe(201);
  const { uploadId } = (await created.json()) as { uploadId: string };
  const sent = await page.request.put(`/api/orgs/${org.id}/uploads/${uploadId}/content`, { data: bytes, headers: { origin, "content-type": "application/octet-stream" } });
  expect(sent.status(), await sent.text()).toBe(expectedStatus);
  return uploadId;
}

/** Invites `email` with `role` from the owner's page and lets them join in a new browser; returns their page. */
export async function inviteAndJoin(owner: Page, browser: Browser, org: E2eOrg, role: string, person: { name: string; email: string; password: string }): Promise<Page> {
  await owner.goto(`/orgs/${org.slug}/members`);
  await owner.getByLabel("Email address").fill(person.email);
  await owner.getByLabel("Role", { exact: true }).selectOption(role);
  await owner.getByRole("button", { name: "Create invitation link" }).click();
  const link = await owner.getByTestId("invitation-link").inputValue();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(new URL(link).pathname);
  const signedIn = await page.getByLabel("Your name").count() === 0;
  if (!signedIn) {
    await page.getByLabel("Your name").fill(person.name);
    await page.getByLabel("New password").fill(person.password);
    await page.getByRole("button", { name: "Create my account and join" }).click();
  }
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}$`));
  return page;
}
