import { randomBytes } from "node:crypto";
import { expect, test } from "../support/e2e-test";
import { fixturePath } from "../support/fixtures";

// The walking skeleton end to end: bytes uploaded in the browser → PostgreSQL → a chart.
// Everything is read from the page, never from the database.

test("set up an organization, upload an Asterisk Master.csv, and see calls per day", async ({ page }, testInfo) => {
  const name = `E2E Office ${randomBytes(3).toString("hex")}`;

  await page.goto("/orgs/new");
  await expect(page.getByRole("heading", { name: "Set up an organization" })).toBeVisible();
  await page.getByLabel("Organization name").fill(name);
  await page.getByRole("button", { name: "Create organization" }).click();

  // The web address is made from the name (by the form, or by the server when left empty).
  await expect(page).toHaveURL(/\/orgs\/e2e-office-[0-9a-f]{6}\/uploads\/new$/);
  const slug = new URL(page.url()).pathname.split("/")[2];
  await page.getByLabel("Times in the file are in").selectOption("UTC");
  await page.getByLabel("CDR file").setInputFiles(fixturePath("asterisk/cdr.csv"));
  await page.getByRole("button", { name: "Upload and import" }).click();

  await expect(page.getByText("Import finished")).toBeVisible();
  const summary = page.locator("[data-upload-summary]");
  await expect(summary).toContainText("Asterisk cdr_csv (Master.csv)");
  await expect(summary.getByText("Rows read").locator("xpath=following-sibling::dd[1]")).toHaveText("218");
  await expect(summary.getByText("Calls imported").locator("xpath=following-sibling::dd[1]")).toHaveText("174");
  await expect(summary.getByText("Rows merged into another row's call").locator("xpath=following-sibling::dd[1]")).toHaveText("44");
  await expect(page.locator("[data-upload-flags]")).toHaveText("No day of these calls was flagged.");
  await page.screenshot({ path: testInfo.outputPath("upload-done.png"), fullPage: true });

  await page.getByRole("link", { name: "See calls per day" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${slug}\\?month=2017-06$`));
  await expect(page.getByTestId("total-calls")).toHaveText("174");

  // One bar per Tokyo day with calls (the file's times are UTC), with the counts from the file.
  const bars = page.locator("[data-chart-bar]");
  await expect(bars).toHaveCount(8);
  const drawn = await bars.evaluateAll((elements) =>
    elements.map((element) => [element.getAttribute("data-chart-bar"), Number(element.getAttribute("data-value"))] as const),
  );
  expect(Object.fromEntries(drawn)).toEqual({
    "2017-06-20": 21, "2017-06-21": 35, "2017-06-22": 41, "2017-06-23": 22,
    "2017-06-24": 8, "2017-06-25": 10, "2017-06-27": 16, "2017-06-28": 21,
  });
  await page.locator("summary", { hasText: "Calls per day in June 2017" }).click();
  await expect(page.locator("[data-table=calls-per-day] [data-total]")).toHaveText("174");
  await page.screenshot({ path: testInfo.outputPath("overview-en.png"), fullPage: true });

  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.getByRole("heading", { name: "日ごとの状況" })).toBeVisible();
  await expect(page.getByTestId("total-calls")).toHaveText("174");
  await expect(page.locator("[data-chart-bar]")).toHaveCount(8);
  await page.screenshot({ path: testInfo.outputPath("overview-ja.png"), fullPage: true });

  await page.getByRole("link", { name: "アップロード履歴" }).click();
  const row = page.locator("[data-table=uploads] tbody tr").first();
  await expect(row).toContainText("cdr.csv");
  await expect(row).toContainText("完了");
});

test("an unknown layout: map its columns, check them on the first rows, import; the next such file is recognised", async ({ page }, testInfo) => {
  await page.goto("/orgs/new");
  await page.getByLabel("Organization name").fill(`E2E Mapping ${randomBytes(3).toString("hex")}`);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/uploads\/new$/);

  await page.getByLabel("CDR file").setInputFiles(fixturePath("column-mapping/japanese-carrier-cp932.csv"));
  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(page).toHaveURL(/\/uploads\/[0-9a-f-]{36}\/column-mapping$/);
  await expect(page.locator("[data-table=mapping-preview] tbody tr").first()).toContainText("発信日時");
  // The first guess comes from the Japanese header names.
  await expect(page.locator("[data-field=startDateTime]")).toHaveValue("0");
  await expect(page.locator("[data-field=destination]")).toHaveValue("2");
  await expect(page.locator("[data-field=duration]")).toHaveValue("3");

  await page.getByRole("button", { name: "Check on the first rows" }).click();
  const checked = page.locator("[data-table=mapping-check] tbody tr");
  await expect(checked).toHaveCount(8);
  await expect(checked.first()).toContainText("+23276123456 (SL)");
  await expect(checked.nth(4)).toContainText("The start time is missing or not a valid date and time");
  await page.screenshot({ path: testInfo.outputPath("column-mapping-en.png"), fullPage: true });

  await page.getByLabel("Name of this mapping").fill("Carrier X statement");
  await page.getByRole("button", { name: "Save the mapping and import" }).click();
  await expect(page).toHaveURL(/\/uploads\/[0-9a-f-]{36}$/);
  const summary = page.locator("[data-upload-summary]");
  const value = (label: string) => summary.getByText(label, { exact: true }).locator("xpath=following-sibling::dd[1]");
  await expect(value("Format")).toHaveText("Carrier X statement");
  await expect(value("Rows read")).toHaveText("8");
  await expect(value("Calls imported")).toHaveText("4");
  await expect(value("Rejected rows")).toHaveText("4");
  await expect(page.locator("[data-table=rejected-rows] tbody tr")).toHaveCount(4);

  await page.getByRole("link", { name: "Upload CDRs" }).click();
  await page.getByLabel("CDR file").setInputFiles(fixturePath("column-mapping/japanese-carrier-cp932.csv"));
  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(page.locator("[data-upload-phase=done]")).toBeVisible();
  await expect(value("Format")).toHaveText("Carrier X statement");
  await expect(value("Already known (duplicates)")).toHaveText("4");
});
