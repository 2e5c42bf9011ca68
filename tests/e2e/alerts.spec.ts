import { expect, test } from "../support/e2e-test";
import { startHttpReceiver } from "../support/alert-receivers";
import { createOrgThroughPage, uploadBytes } from "../support/e2e-org";
import { syntheticOfficeMaster } from "../support/synthetic-office";

// Alerts in the running app: a webhook channel added on the Alerts page answers a test at once;
// then an upload whose last days hold the seed's flood opens an incident, and the server's own
// background worker (instrumentation.ts → pg-boss) delivers the alert, shown as sent on the page
// and in the incident's history.

const tokyoDay = (offsetDays: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date(Date.now() + offsetDays * 86_400_000));

test("a webhook channel gets a test, then the flood's alert from the server's worker", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const receiver = await startHttpReceiver();
  try {
    const org = await createOrgThroughPage(page, "E2E Alerts");
    await page.goto(`/orgs/${org.slug}/alerts`);
    await expect(page.getByText("No channels yet")).toBeVisible();
    await page.getByLabel("Name").fill("Ticketing");
    await page.getByLabel("Kind").selectOption("webhook");
    await page.getByLabel("Send to").fill(`${receiver.url}/hook`);
    await page.getByLabel("Language of its alerts").selectOption("en");
    await page.getByRole("button", { name: "Add channel" }).click();
    await expect(page.getByRole("status")).toHaveText("Channel added.");
    const channel = page.locator("[data-testid=alert-channel]");
    await expect(channel).toContainText("Ticketing");
    await expect(channel).toContainText("Webhook (JSON)");

    await channel.getByRole("button", { name: "Send a test" }).click();
    await expect(channel.getByRole("status")).toHaveText("Test sent to “Ticketing”.");
    expect(receiver.posts.map((post) => post.json.type)).toEqual(["test"]);
    expect(receiver.posts[0].headers["x-tollwatch-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);

    receiver.state.status = 500;
    await channel.getByRole("button", { name: "Send a test" }).click();
    await expect(channel.getByRole("alert")).toContainText("The test to “Ticketing” failed: HTTP 500");
    receiver.state.status = 200;

    const master = syntheticOfficeMaster({ firstDay: tokyoDay(-29), days: 28, floodStartDay: tokyoDay(-1), floodDays: 1 });
    await uploadBytes(page, org, "Master.csv", Buffer.from(master));
    await expect.poll(() => receiver.posts.filter((post) => post.json.type === "incident.opened").length, { timeout: 30_000 }).toBe(1);
    const opened = receiver.posts.find((post) => post.json.type === "incident.opened")!.json as { incident: { url: string; id: string } };
    expect(opened.incident.url).toContain(`/orgs/${org.slug}/incidents/${opened.incident.id}`);

    await page.goto(`/orgs/${org.slug}/alerts`);
    await expect(page.locator("[data-testid=alert-delivery]").first()).toContainText("Sent");
    await page.screenshot({ path: testInfo.outputPath("alerts.png"), fullPage: true });
    await page.goto(`/orgs/${org.slug}/incidents/${opened.incident.id}`);
    await expect(page.getByText("Alert sent to “Ticketing” (Webhook (JSON), attempt 1)")).toBeVisible();
  } finally {
    await receiver.close();
  }
});
