import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "../support/e2e-test";
import { OWNER } from "../support/e2e-accounts";

// Accounts end to end: the owner invites a viewer, the viewer joins through the link and can read
// but finds uploading, members management and the audit log unavailable; five wrong passwords lock
// sign-in to an address even for the right password.

async function signIn(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

test("signed-out visitors are sent to sign-in, and the API answers 401", async ({ browser, request }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/orgs");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Forgs$/);
  const response = await context.request.get("/api/orgs/01900000-0000-7000-8000-000000000000/uploads/01900000-0000-7000-8000-000000000000");
  expect(response.status()).toBe(401);
  await context.close();
  // Signed in, an organization one is not a member of does not exist.
  expect((await request.get("/api/orgs/01900000-0000-7000-8000-000000000000/uploads/01900000-0000-7000-8000-000000000000")).status()).toBe(404);
});

test("the owner invites a viewer, who can read but not upload, manage members or see the audit log", async ({ page, browser }, testInfo) => {
  const name = `Viewer Test ${randomBytes(3).toString("hex")}`;
  await page.goto("/orgs/new");
  await page.getByLabel("Organization name").fill(name);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/uploads\/new$/);
  const slug = new URL(page.url()).pathname.split("/")[2];

  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("cell", { name: OWNER.email })).toBeVisible();
  const viewerEmail = `viewer-${randomBytes(3).toString("hex")}@example.test`;
  await page.getByLabel("Email address").fill(viewerEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByTestId("invitation-link").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);
  await page.screenshot({ path: testInfo.outputPath("members-invited.png"), fullPage: true });
  await page.reload();
  await expect(page.getByText(`${viewerEmail} · viewer`)).toBeVisible();

  const viewerContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewer = await viewerContext.newPage();
  await viewer.goto(new URL(link).pathname);
  await expect(viewer.getByText(`You are invited to join ${name} as viewer.`)).toBeVisible();
  await expect(viewer.getByLabel("Email address")).toHaveValue(viewerEmail);
  await viewer.getByLabel("Your name").fill("Vera Viewer");
  await viewer.getByLabel("New password").fill("viewer passphrase 42");
  await viewer.getByRole("button", { name: "Create my account and join" }).click();
  await expect(viewer).toHaveURL(new RegExp(`/orgs/${slug}$`));
  await viewer.screenshot({ path: testInfo.outputPath("viewer-overview.png"), fullPage: true });

  // Read-only: the sections for changes are not offered, and opening them directly finds nothing.
  const nav = viewer.getByRole("navigation", { name: "Sections" });
  await expect(nav.getByRole("link", { name: "Uploads" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Upload CDRs" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  for (const path of [`/orgs/${slug}/uploads/new`, `/orgs/${slug}/settings`, `/orgs/${slug}/api-keys`, `/orgs/${slug}/audit`]) {
    await viewer.goto(path);
    await expect(viewer.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
  await viewer.goto(`/orgs/${slug}/members`);
  await expect(viewer.getByRole("button", { name: "Create invitation link" })).toHaveCount(0);
  const orgId = await orgIdOf(page, slug);
  const upload = await viewerContext.request.post(`/api/orgs/${orgId}/uploads`, { data: { fileName: "x.csv", expectedBytes: 1 }, headers: { origin: new URL(page.url()).origin } });
  expect(upload.status()).toBe(403);

  // She signs out, and back in through the form.
  await viewer.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out" }).click();
  await expect(viewer).toHaveURL(/\/sign-in$/);
  await viewer.getByLabel("Email address").fill(viewerEmail);
  await viewer.getByLabel("Password").fill("viewer passphrase 42");
  await viewer.getByRole("button", { name: "Sign in" }).click();
  await expect(viewer).toHaveURL(new RegExp(`/orgs/${slug}$`));

  // She forgets her password: whoever runs the server prints a one-time link with the CLI.
  const cli = spawnSync("node", ["bin/tollwatch.mjs", "user", "reset-password", "--email", viewerEmail], {
    encoding: "utf8",
    env: { ...process.env, TOLLWATCH_DATA_DIR: process.env.E2E_DATA_DIR, PORT: process.env.E2E_PORT },
  });
  expect(cli.status, cli.stderr).toBe(0);
  const resetLink = cli.stdout.trim();
  expect(resetLink).toMatch(/\/reset-password\?token=/);
  await viewer.goto(new URL(resetLink).pathname + new URL(resetLink).search);
  await viewer.getByLabel("New password").fill("a brand new passphrase");
  await viewer.getByRole("button", { name: "Change password" }).click();
  await expect(viewer).toHaveURL(/\/sign-in\?reset=1$/);
  await expect(viewer.getByRole("status")).toHaveText("Your password was changed. Sign in with the new one.");
  await viewer.getByLabel("Email address").fill(viewerEmail);
  await viewer.getByLabel("Password").fill("a brand new passphrase");
  await viewer.getByRole("button", { name: "Sign in" }).click();
  await expect(viewer).toHaveURL(new RegExp(`/orgs/${slug}$`));
  await viewerContext.close();

  // The owner sees the invitation, the join and the sign-ins in the audit log.
  await page.goto(`/orgs/${slug}/audit`);
  await expect(page.getByRole("cell", { name: "member.joined" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "member.invited" })).toBeVisible();
});

test("five wrong passwords lock sign-in to that address, even with the right password", async ({ browser }) => {
  const email = OWNER.email;
  const attacker = await signIn(browser, email, "wrong password 1");
  await expect(attacker.locator("form [role=alert]")).toHaveText("The email address or password is wrong.");
  for (let attempt = 2; attempt <= 5; attempt++) {
    // The form is drawn again after each answer, with the password emptied: type only after that.
    await expect(attacker.getByLabel("Password")).toHaveValue("");
    await attacker.getByLabel("Password").fill(`wrong password ${attempt}`);
    // Each attempt must reach the server: wait for the action's answer, not for text already shown.
    await Promise.all([attacker.waitForResponse((response) => response.request().method() === "POST"), attacker.getByRole("button", { name: "Sign in" }).click()]);
    await expect(attacker.locator("form [role=alert]")).toHaveText(attempt < 5 ? "The email address or password is wrong." : /locked for 15 minutes|password is wrong/);
  }
  await attacker.close();
  const owner = await signIn(browser, email, OWNER.password);
  await expect(owner.locator("form [role=alert]")).toHaveText("Too many wrong passwords. Sign-in to this address is locked for 15 minutes.");
  await expect(owner).toHaveURL(/\/sign-in/);
  await owner.close();
});

/** The organization's id, as the upload form's API calls use it. */
async function orgIdOf(page: Page, slug: string): Promise<string> {
  await page.goto(`/orgs/${slug}/uploads/new`);
  const id = await page.locator("[data-org-id]").getAttribute("data-org-id");
  if (!id) throw new Error("The upload page did not expose the organization id.");
  return id;
}
