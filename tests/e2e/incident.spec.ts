import { expect, test } from "../support/e2e-test";
import { createOrgThroughPage, uploadBytes } from "../support/e2e-org";
import { syntheticOfficeMaster } from "../support/synthetic-office";

// Working an incident in the browser: from the flagged day to the incident, acknowledged with a
// note, the block request and its completion recorded in the organization's time, the window's
// calls counted; then a false alarm that allows Sierra Leone, after which the flood is not flagged.

test("an incident is acknowledged, its block window counted, then dismissed with its destination allowed", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const org = await createOrgThroughPage(page, "E2E Incident");
  const master = syntheticOfficeMaster({ firstDay: "2026-02-02", days: 44, floodStartDay: "2026-03-14", floodDays: 4 });
  await uploadBytes(page, org, "Master.csv", Buffer.from(master));

  // The flagged day first: why, and the flood's calls piled up at 30 seconds.
  await page.goto(`/orgs/${org.slug}?month=2026-03`);
  await page.locator("[data-flagged-day='2026-03-14']").getByRole("link", { name: "Saturday, March 14, 2026" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/days/2026-03-14$`));
  await expect(page.locator("[data-list=day-findings]")).toContainText("Sierra Leone (+232)");
  await expect(page.locator("[data-duration-peak]")).toHaveAttribute("data-duration-peak", "30");
  await expect(page.locator("[data-chart=durations] [data-duration-bucket='30']")).toHaveCount(1);
  await expect(page.locator("[data-table=top-destinations] tbody tr").first()).toContainText("Sierra Leone");
  await page.screenshot({ path: testInfo.outputPath("flagged-day.png"), fullPage: true });

  await page.goto(`/orgs/${org.slug}?month=2026-03`);
  await page.locator("[data-flagged-day='2026-03-14']").getByRole("link", { name: "Open the incident →" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/incidents/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Incident Mar 14, 2026");
  await expect(page.getByText("Sierra Leone", { exact: false }).first()).toBeVisible();
  await expect(page.locator("[data-event=opened]")).toHaveCount(1);
  await expect(page.locator("[data-chart=incident-hours]")).toBeVisible();
  await page.locator("summary", { hasText: "Outbound calls per day around the incident" }).click();
  await expect(page.locator('[data-table=incident-timeline] tr[data-row="2026-03-14"]')).toContainText("3,5");
  await expect(page.locator('[data-table=incident-timeline] tr[data-row="2026-03-13"] td').first()).toHaveText("0");

  await page.getByLabel("Status").selectOption("acknowledged");
  await page.getByLabel("Note").fill("Carrier called at 09:00: thousands of calls to +232.");
  await page.getByLabel("Block requested at").fill("2026-03-15T09:10");
  await page.getByLabel("Block in effect at").fill("2026-03-16T12:00");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByText("Status: Acknowledged")).toBeVisible();
  const block = page.locator("[data-block-window]");
  await expect(block).toContainText("Requested: Mar 15, 2026, 9:10 AM");
  await expect(block).toContainText("In effect: Mar 16, 2026, 12:00 PM");
  await expect(block).toContainText(/[\d,]+ calls with estimated charges of ¥[\d,]+ between the request and the block\./);
  const history = page.locator("[data-list=incident-history]");
  await expect(history).toContainText("Status changed from Open to Acknowledged");
  await expect(history).toContainText("Carrier called at 09:00: thousands of calls to +232.");
  await expect(history).toContainText("Block of international calls requested at Mar 15, 2026, 9:10 AM");
  await page.screenshot({ path: testInfo.outputPath("incident-acknowledged.png"), fullPage: true });

  // A block cannot take effect before it was requested: refused, nothing changes.
  await page.getByLabel("Block in effect at").fill("2026-03-14T08:00");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "cannot take effect before" })).toBeVisible();

  await page.getByLabel("Status").selectOption("false_alarm");
  await page.getByLabel("Sierra Leone").check();
  await page.getByLabel("Block in effect at").fill("2026-03-16T12:00");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Status: False alarm")).toBeVisible();
  await expect(page.locator("[data-list=incident-history]")).toContainText("allowed from now on: Sierra Leone");

  await page.goto(`/orgs/${org.slug}?month=2026-03`);
  await expect(page.locator("[data-flagged-day='2026-03-14']")).toHaveCount(0);
});
