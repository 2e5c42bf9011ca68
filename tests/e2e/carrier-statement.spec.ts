import { randomBytes } from "node:crypto";
import { expect, test } from "../support/e2e-test";
import { fixturePath } from "../support/fixtures";

// A Japanese office uploads its carrier's Shift_JIS (CP932) statement in the Japanese UI, watches
// the import reach done, and reads why some rows were not imported.

test.use({ locale: "ja-JP" });

test("a Shift_JIS NTT statement with bad rows: progress to done, counts, rejected rows explained in Japanese", async ({ page }, testInfo) => {
  await page.goto("/orgs/new");
  await expect(page.getByRole("heading", { name: "組織の設定" })).toBeVisible();
  await page.getByLabel("組織名").fill(`E2E Statement ${randomBytes(3).toString("hex")}`);
  await page.getByRole("button", { name: "組織を作成" }).click();
  await expect(page).toHaveURL(/\/uploads\/new$/);

  // The statement month comes from the file name (2026-03).
  await page.getByLabel("CDR ファイル").setInputFiles(fixturePath("ntt-call-statement/statement-2026-03-bad-rows.csv"));
  await page.getByRole("button", { name: "アップロードして取り込む" }).click();
  await expect(page.locator("[data-upload-phase=done]")).toHaveText("取り込みが完了しました");
  const summary = page.locator("[data-upload-summary]");
  const value = (label: string) => summary.getByText(label, { exact: true }).locator("xpath=following-sibling::dd[1]");
  await expect(value("形式")).toHaveText("NTT call detail statement CSV (通話明細)");
  await expect(value("文字コード")).toHaveText("cp932");
  await expect(value("読み込んだ行")).toHaveText("8");
  await expect(value("取り込んだ通話")).toHaveText("2");
  await expect(value("除外した行")).toHaveText("6");
  await expect(value("読み飛ばした小計・見出し行")).toHaveText("1");
  await page.screenshot({ path: testInfo.outputPath("statement-upload-ja.png"), fullPage: true });

  await page.getByRole("link", { name: "このアップロードの各行を見る" }).click();
  const rejected = page.locator("[data-table=rejected-rows] tbody tr");
  await expect(rejected).toHaveCount(6);
  await expect(rejected.first()).toContainText("開始時刻がないか、日付・時刻として読めません");
  await expect(rejected.first()).toContainText("02/30");
  await expect(page.getByText("請求月")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("upload-page-ja.png"), fullPage: true });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "除外した行をすべてダウンロード（CSV）" }).click();
  const csv = await (await download).createReadStream();
  const text = (await new Response(csv as unknown as ReadableStream).text()).replace(/^\uFEFF/, "");
  expect(text.split("\r\n")[0]).toBe("row_number,reason_code,detail,raw_line");
  expect(text.split("\r\n").filter(Boolean)).toHaveLength(7);
});
