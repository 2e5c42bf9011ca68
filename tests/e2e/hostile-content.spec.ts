import { randomBytes } from "node:crypto";
import Papa from "papaparse";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/e2e-test";
import { HOSTILE_FILE, HOSTILE_TEXT, hostileAsteriskMaster } from "../support/hostile-cdr";

// A Master.csv written by an attacker, uploaded in the browser: every page that shows its text shows
// it as inert text. No dialog opens, no injected element exists, the markup reads as text, and bidi
// overrides are shown as markers inside isolates instead of reordering the page.

/** Text nodes outside <script> and <style> (Next's inline flight data holds the raw text, unrendered). */
function renderedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest("script, style, template") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    let text = "";
    while (walker.nextNode()) text += walker.currentNode.nodeValue;
    return text;
  });
}

/** What must hold on every page showing the file's text. */
async function expectInert(page: Page, name: string, screenshotPath: string) {
  await expect(page.locator("img[src='x'], svg[onload], [onerror], [onload], [onclick], iframe, object, embed"), name).toHaveCount(0);
  // Every script is Next's own: carrying the CSP nonce, or a chunk of this app loaded by one.
  const foreignScripts = await page.locator("script").evaluateAll((scripts) =>
    (scripts as HTMLScriptElement[]).filter((script) => !script.nonce && !script.src.startsWith(`${location.origin}/_next/static/`)).map((script) => script.outerHTML.slice(0, 200)));
  expect(foreignScripts, name).toEqual([]);
  const text = await renderedText(page);
  expect(text, name).not.toMatch(/[\u202a-\u202e\u2066\u2067\u200b\u200e\u200f\u001b\u0001\u007f\u009b]/);
  // Our isolates come in pairs: nothing from the file opens or closes one.
  expect(text.split("\u2068").length, name).toBe(text.split("\u2069").length);
  await page.screenshot({ path: screenshotPath, fullPage: true });
}

test("hostile CDR text is shown as inert text on every page", async ({ page }, testInfo) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });

  await page.goto("/orgs/new");
  await page.getByLabel("Organization name").fill(`E2E Hostile ${randomBytes(3).toString("hex")}`);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/uploads\/new$/);
  const slug = new URL(page.url()).pathname.split("/")[2];

  await page.getByLabel("CDR file").setInputFiles({ name: HOSTILE_FILE.name, mimeType: "text/csv", buffer: Buffer.from(hostileAsteriskMaster()) });
  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(page.getByText("Import finished")).toBeVisible({ timeout: 60_000 });
  const summary = page.locator("[data-upload-summary]");
  await expect(summary.getByText("Calls imported").locator("xpath=following-sibling::dd[1]")).toHaveText(String(HOSTILE_FILE.calls));
  await expectInert(page, "upload form", testInfo.outputPath("1-upload-done.png"));

  // The upload's page: the rejected rows, their raw lines and details as text.
  await page.getByRole("link", { name: "See the rows of this upload" }).click();
  await expect(page).toHaveURL(/\/uploads\/[0-9a-f-]{36}$/);
  const rejected = page.locator("[data-table=rejected-rows] tbody tr");
  await expect(rejected).toHaveCount(HOSTILE_FILE.rejected);
  await expect(rejected.nth(0).locator("td").nth(1)).toHaveText(`bad ${HOSTILE_TEXT.script}`);
  await expect(rejected.nth(1).locator("td").nth(1)).toHaveText(HOSTILE_TEXT.hyperlink);
  await expect(rejected.nth(3).locator("td").nth(2)).toHaveText(`${HOSTILE_TEXT.img},${HOSTILE_TEXT.dde}`);
  await expect(rejected.nth(1).locator("td").nth(2)).toContainText(HOSTILE_TEXT.svg);
  // Escapes, controls, the override and zero-width characters appear as markers, in <bdi>.
  await expect(rejected.nth(2).locator("td").nth(1)).toHaveText("‹U+001B›[31mRED‹U+001B›[0m‹U+001B›]0;pwned‹U+0007›evil‹U+202E›txt.exe");
  await expect(rejected.nth(2).locator("td").nth(2)).toContainText("ctl‹U+0001›‹U+0008›‹U+007F›‹U+009B›char");
  await expect(rejected.nth(2).locator("td").nth(2)).toContainText("2‹U+200B›0‹U+200D›1‹U+FEFF›");
  await expect(rejected.nth(2).locator("td").nth(2).locator("bdi[data-cdr-text] [data-cdr-marker]").first()).toHaveText("‹U+202E›");
  const response = await page.reload();
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self' 'nonce-");
  await expectInert(page, "upload page", testInfo.outputPath("2-upload-page.png"));

  // The rejected rows as the browser downloads them: formulas neutralized.
  const href = await page.getByRole("link", { name: "Download all rejected rows (CSV)" }).getAttribute("href");
  const csv = await (await page.request.get(href!)).text();
  const cells = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data.flat();
  expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  expect(cells).toContain(`'${HOSTILE_TEXT.hyperlink}`);

  await page.getByRole("link", { name: "Uploads" }).first().click();
  await expect(page.locator("[data-table=uploads] tbody tr").first()).toContainText(HOSTILE_FILE.name);
  await expectInert(page, "uploads", testInfo.outputPath("3-uploads.png"));

  // The overview: the findings name the hostile account and extension inside their sentences.
  await page.goto(`/orgs/${slug}?month=2026-03`);
  const day = page.locator('[data-flagged-day="2026-03-10"]');
  // The account code, shown with its marker, sits in a first-strong isolate (U+2068 … U+2069).
  await expect(day).toContainText("Account \u2068evil‹U+202E›txt.exe\u2069, extension <img src=x onerror=alert(1)>: 6 answered calls");
  await expect(day).toContainText("Sierra Leone (+232)");
  await expectInert(page, "overview", testInfo.outputPath("4-overview-en.png"));
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(day).toContainText("アカウント \u2068evil‹U+202E›txt.exe\u2069・内線 <img src=x onerror=alert(1)>：");
  await expectInert(page, "overview (ja)", testInfo.outputPath("5-overview-ja.png"));
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Day by day" })).toBeVisible();

  await page.goto(`/orgs/${slug}/audit`);
  await expectInert(page, "audit log", testInfo.outputPath("6-audit.png"));

  expect(dialogs).toEqual([]);
});
