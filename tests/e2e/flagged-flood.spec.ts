import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/e2e-test";
import { syntheticOfficeMaster } from "../support/synthetic-office";

// The mission in the browser: six weeks of an ordinary office and the Sierra Leone flood, uploaded
// as one Master.csv. The overview flags the flood's four days, red in the chart and marked in its
// table, and says why in plain English and Japanese. Read from the page, never from the database.

test("an uploaded flood shows as four flagged days, explained in English and Japanese", async ({ page }, testInfo) => {
  const name = `E2E Flood ${randomBytes(3).toString("hex")}`;
  await page.goto("/orgs/new");
  await page.getByLabel("Organization name").fill(name);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/uploads\/new$/);

  const master = syntheticOfficeMaster({ firstDay: "2026-02-02", days: 44, floodStartDay: "2026-03-14", floodDays: 4 });
  await page.getByLabel("CDR file").setInputFiles({ name: "Master.csv", mimeType: "text/csv", buffer: Buffer.from(master) });
  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(page.getByText("Import finished")).toBeVisible({ timeout: 60_000 });

  const notice = page.locator("[data-upload-flags]");
  await expect(notice).toHaveAttribute("data-upload-flags", "critical");
  await expect(notice).toContainText("4 days of these calls flagged — worst severity: Critical; the first is March 14, 2026.");
  await expect(notice).toContainText("ask your carrier now to stop international calls");
  await page.screenshot({ path: testInfo.outputPath("upload-flagged.png"), fullPage: true });
  await page.getByRole("link", { name: "See what looks wrong" }).click();
  await expect(page).toHaveURL(/\?month=2026-03$/);
  await expect(page.getByTestId("flagged-days")).toHaveText("4");
  // The calendar colours the flood's days by their worst finding; the month's figures say how it compares.
  for (const day of ["2026-03-14", "2026-03-15", "2026-03-16", "2026-03-17"]) await expect(page.locator(`[data-calendar-day="${day}"]`)).toHaveAttribute("data-severity", "critical");
  await expect(page.locator('[data-calendar-day="2026-03-10"]')).not.toHaveAttribute("data-severity", /./);
  await expect(page.getByTestId("flagged-days-previous")).toContainText("February 2026: 0");
  await expect(page.locator("[data-list=open-incidents]")).toContainText("Sierra Leone");
  await expect(page.locator("[data-chart=outbound-by-country] [data-flagged-tick]")).toHaveCount(4);
  const flaggedBars = page.locator("[data-chart-bar][data-flagged]");
  await expect(flaggedBars).toHaveCount(4);
  expect(await flaggedBars.evaluateAll((bars) => bars.map((bar) => bar.getAttribute("data-chart-bar")))).toEqual(["2026-03-14", "2026-03-15", "2026-03-16", "2026-03-17"]);
  await expect(page.locator("[data-chart-bar]:not([data-flagged])").first()).toBeAttached();

  const firstDay = page.locator('[data-flagged-day="2026-03-14"]');
  await expect(firstDay).toHaveAttribute("data-severity", "critical");
  await expect(firstDay.getByRole("heading")).toContainText("Saturday, March 14, 2026");
  await expect(firstDay).toContainText(/outbound international calls on Sat 14 Mar — usually 0 on a Saturday\. Most went to Sierra Leone \(\+232\)/);
  await expect(firstDay).toContainText("machine-made, not people talking");
  await expect(page.locator('[data-flagged-day="2026-03-16"]')).toContainText("Calls to Sierra Leone (+232) go on");

  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("overview-en.png"), fullPage: true });

  // Two months at once: both calendars, the figures of both against the two months before.
  await page.getByLabel("From month").fill("2026-02");
  await page.getByLabel("To month").fill("2026-03");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/from=2026-02&to=2026-03/);
  await expect(page.locator("[data-month]")).toHaveAttribute("data-month", "2026-02..2026-03");
  await expect(page.locator("[data-calendar]")).toHaveCount(2);
  await expect(page.getByTestId("flagged-days")).toHaveText("4");
  await expect(page.getByTestId("flagged-days-previous")).toContainText("December 2025 – January 2026: 0");
  await page.screenshot({ path: testInfo.outputPath("overview-range-en.png"), fullPage: true });
  await page.goto(page.url().replace(/\?.*$/, "?month=2026-03"));
  await page.locator("summary", { hasText: "Calls per day in March 2026" }).click();
  await expect(page.locator('[data-table=calls-per-day] tr[data-day="2026-03-14"] [data-flagged]')).toHaveText("flagged");
  await expect(page.locator("[data-table=calls-per-day] [data-flagged]")).toHaveCount(4);

  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.getByText("今月の要注意事項")).toBeVisible();
  await expect(page.locator('[data-flagged-day="2026-03-14"]')).toContainText("シエラレオネ (+232)");
  await expect(page.locator('[data-flagged-day="2026-03-14"]')).toContainText("機械による発信");
  await expect(page.locator('[data-calendar-day="2026-03-14"]')).toHaveAttribute("aria-label", /重大/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("overview-ja.png"), fullPage: true });
});

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
}
