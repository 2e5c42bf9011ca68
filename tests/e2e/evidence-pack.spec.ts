import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { expect, test } from "../support/e2e-test";
import { createOrgThroughPage, uploadBytes } from "../support/e2e-org";
import { syntheticOfficeMaster } from "../support/synthetic-office";

// The evidence pack from the incident page: the PDF downloads and says what the page says, the
// bundle downloads with hashes that verify, and the print view opens without the app's navigation,
// prints with page numbers, and carries the letter's fields typed above it.

test("from an incident: the PDF, the bundle and the print view", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const org = await createOrgThroughPage(page, "E2E Evidence");
  await uploadBytes(page, org, "Master.csv", Buffer.from(syntheticOfficeMaster({ firstDay: "2026-02-02", days: 44, floodStartDay: "2026-03-14", floodDays: 4 })));
  await page.goto(`/orgs/${org.slug}/incidents`);
  await page.locator("[data-incident]").first().getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/incidents/[0-9a-f-]{36}$`));
  const calls = (await page.getByTestId("incident-calls").textContent())!.trim();
  expect(Number(calls.replaceAll(",", ""))).toBeGreaterThan(1_000);

  const pdfDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Evidence pack (PDF)" }).click();
  const pdfPath = testInfo.outputPath("evidence-pack.pdf");
  await (await pdfDownload).saveAs(pdfPath);
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe("%PDF-");
  const pdfText = execFileSync("pdftotext", ["-l", "3", pdfPath, "-"], { encoding: "utf8" });
  expect(pdfText).toContain("Evidence pack: suspected toll fraud");
  expect(pdfText).toContain(calls);
  expect(pdfText).toContain("Sierra Leone");

  const bundleDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Bundle (zip)" }).click();
  const zipPath = testInfo.outputPath("evidence-bundle.zip");
  await (await bundleDownload).saveAs(zipPath);
  const sums = execFileSync("unzip", ["-p", zipPath, "SHA256SUMS"], { encoding: "utf8" }).trim().split("\n");
  expect(sums.map((line) => line.split("  ")[1])).toEqual([expect.stringMatching(/\.pdf$/), expect.stringMatching(/\.csv$/), "manifest.json"]);
  for (const line of sums) {
    const [hash, name] = line.split("  ");
    expect(createHash("sha256").update(execFileSync("unzip", ["-p", zipPath, name], { maxBuffer: 64 * 1024 * 1024 })).digest("hex"), name).toBe(hash);
  }

  await page.getByRole("link", { name: "Print view" }).click();
  await expect(page).toHaveURL(/\/print\?lang=en$/);
  await expect(page.locator("[data-evidence-pack]")).toContainText(calls);
  await expect(page.getByRole("link", { name: "Organizations" })).toHaveCount(0);
  await page.getByLabel("Carrier account number").fill("03-1234-5678");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.locator("[data-letter]")).toContainText("(account 03-1234-5678)");
  await expect(page.locator("[data-chart=durations] [data-duration-bucket='30']")).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath("print-view.png") });
  await page.locator("[data-chart=durations]").scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("print-view-charts.png") });
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("[data-print-toolbar]")).toBeHidden();
  const printed = testInfo.outputPath("print-view.pdf");
  fs.writeFileSync(printed, await page.pdf({ preferCSSPageSize: true }));
  const printedText = execFileSync("pdftotext", [printed, "-"], { encoding: "utf8" });
  expect(printedText).toMatch(/\b1 \/ \d+\b/);
  expect(printedText).not.toContain("Apply");
});
