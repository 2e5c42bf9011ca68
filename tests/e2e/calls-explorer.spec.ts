import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/e2e-test";
import Papa from "papaparse";
import { createOrgThroughPage, uploadBytes } from "../support/e2e-org";
import { syntheticOfficeMaster } from "../support/synthetic-office";

// The calls explorer as a person uses it: filters that narrow to the expected count and live in
// the URL, the next page, an export whose first row is the table's first row, the same page in
// Japanese, and no serious accessibility violation.

const master = syntheticOfficeMaster({ firstDay: "2026-02-02", days: 28, floodStartDay: "2026-02-28", floodDays: 1 });
const lines = master.trimEnd().split("\n");
const toSierraLeone = lines.filter((line) => line.split('","')[2].startsWith("010232")).length;

test("filter the calls, page through them, export what the table lists, in English and Japanese", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const org = await createOrgThroughPage(page, "E2E Calls");
  await uploadBytes(page, org, "Master.csv", Buffer.from(master));

  await page.goto(`/orgs/${org.slug}`);
  await page.getByRole("link", { name: "Calls", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/calls$`));
  await expect(page.getByTestId("calls-matching")).toHaveText(`${lines.length.toLocaleString("en")} matching calls`);

  await page.getByLabel("Destination country (ISO code)").fill("SL");
  await page.getByLabel("Result").selectOption("answered");
  await page.getByRole("button", { name: "Show calls" }).click();
  await expect(page).toHaveURL(/country=SL/);
  await expect(page).toHaveURL(/disposition=answered/);
  await expect(page.getByTestId("calls-matching")).toHaveText(`${toSierraLeone.toLocaleString("en")} matching calls`);
  await expect(page.locator("[data-table=calls] tbody tr")).toHaveCount(100);
  await expect(page.locator("[data-table=calls] tbody tr").first()).toContainText("Sierra Leone");
  const firstRow = await page.locator("[data-table=calls] tbody tr").first().locator("td").allInnerTexts();
  const firstStart = await page.locator("[data-table=calls] tbody tr").first().getAttribute("data-started-at");
  expect(await new AxeBuilder({ page }).analyze().then((result) => result.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? "")).map((violation) => violation.id))).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("calls-en.png"), fullPage: true });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV", exact: true }).click();
  const file = await (await download).path();
  const rows = Papa.parse<string[]>(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "").trimEnd()).data;
  expect(rows[0][0]).toBe("started_at (Asia/Tokyo)");
  expect(rows).toHaveLength(toSierraLeone + 1);
  expect(rows[1][1]).toBe(firstStart!.replace(/\.000Z$/, "Z"));
  expect(rows[1][5]).toBe(firstRow[4]);

  await page.getByRole("link", { name: "Next 100 →" }).click();
  await expect(page).toHaveURL(/after=/);
  const secondPageFirst = await page.locator("[data-table=calls] tbody tr").first().getAttribute("data-started-at");
  expect(secondPageFirst! < firstStart!).toBe(true);
  await page.getByRole("link", { name: "← First page" }).click();
  await expect(page).not.toHaveURL(/after=/);

  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("通話一覧");
  await expect(page.getByTestId("calls-matching")).toHaveText(`該当する通話 ${toSierraLeone.toLocaleString("ja")} 件`);
  await expect(page.locator("[data-table=calls] tbody tr").first()).toContainText("シエラレオネ");
  await expect(page.locator("[data-table=calls] tbody tr").first()).toContainText("応答");
  expect(await new AxeBuilder({ page }).analyze().then((result) => result.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? "")).map((violation) => violation.id))).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("calls-ja.png"), fullPage: true });
});
