import { expect, test as setup } from "../support/e2e-test";
import { OWNER_STATE } from "../../playwright.config";
import { OWNER } from "../support/e2e-accounts";

// First-run setup as a newcomer meets it: nobody has an account, so every page leads to setup; the
// owner account is created with a password chosen here (there is no default), and the owner is
// signed in. The other tests run in this signed-in browser state.

setup("first-run setup creates the owner and signs them in", async ({ page }) => {
  await page.goto("/orgs");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up Tollwatch" })).toBeVisible();
  await page.getByLabel("Your name").fill(OWNER.name);
  await page.getByLabel("Email address").fill(OWNER.email);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Create the owner account" }).click();
  // The browser refuses a too-short password before the server sees it.
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("New password").fill(OWNER.password);
  await page.getByRole("button", { name: "Create the owner account" }).click();
  await expect(page).toHaveURL(/\/orgs\/new$/);
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(OWNER.name);
  await page.context().storageState({ path: OWNER_STATE });

  // Setup happens once: it leads to sign-in, which leads the signed-in owner on.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/orgs\/new$/);
});
