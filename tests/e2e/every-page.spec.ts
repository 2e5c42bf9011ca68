import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/e2e-test";
import { createOrgThroughPage, uploadBytes } from "../support/e2e-org";
import { syntheticOfficeMaster } from "../support/synthetic-office";

// Every page of an organization with the seed's flood, in English and Japanese: it renders its own
// heading, no English leaks into the Japanese page's headings, no serious or critical accessibility
// violation (axe), and a full-page screenshot kept as an artifact to look at.

const master = syntheticOfficeMaster({ firstDay: "2026-02-02", days: 44, floodStartDay: "2026-03-14", floodDays: 4 });

test("every organization page in both languages: headings, no serious axe violations, screenshots", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const org = await createOrgThroughPage(page, "E2E Pages");
  const uploadId = await uploadBytes(page, org, "Master.csv", Buffer.from(master));
  await page.goto(`/orgs/${org.slug}/incidents`);
  const incidentHref = await page.locator("[data-table=incidents] a").first().getAttribute("href");
  const pages: [string, string, string][] = [
    ["overview", `/orgs/${org.slug}?month=2026-03`, "E2E Pages"],
    ["day", `/orgs/${org.slug}/days/2026-03-14`, "March 14"],
    ["incidents", `/orgs/${org.slug}/incidents`, "Incidents"],
    ["incident", incidentHref!, "Incident"],
    ["calls", `/orgs/${org.slug}/calls?country=SL`, "Calls"],
    ["uploads", `/orgs/${org.slug}/uploads`, "Uploads"],
    ["upload", `/orgs/${org.slug}/uploads/${uploadId}`, "Master.csv"],
    ["new-upload", `/orgs/${org.slug}/uploads/new`, "Upload"],
    ["settings", `/orgs/${org.slug}/settings`, "Settings"],
    ["alerts", `/orgs/${org.slug}/alerts`, "Alerts"],
    ["members", `/orgs/${org.slug}/members`, "Members"],
    ["api-keys", `/orgs/${org.slug}/api-keys`, "API keys"],
    ["audit", `/orgs/${org.slug}/audit`, "Audit"],
    ["open-incidents", "/incidents", "Open incidents"],
    ["organizations", "/orgs", "Organizations"],
    ["new-organization", "/orgs/new", "Set up an organization"],
    ["account", "/account", "Your account"],
  ];
  for (const language of ["en", "ja"] as const) {
    if (language === "ja") await page.getByRole("button", { name: "日本語" }).click();
    for (const [name, path, englishHeading] of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const heading = page.getByRole("heading", { level: 1 });
      await expect(heading).toBeVisible();
      if (language === "en") await expect(heading, path).toContainText(englishHeading);
      else expect(await heading.innerText(), `${path} in Japanese`).not.toMatch(name === "upload" ? /^$/ : /^(Overview|Incidents?|Calls|Uploads|Settings|Alerts|Members|API keys|Audit|Open incidents|Organizations|Set up|Your account)\b/);
      expect(await seriousViolations(page), `${language} ${path}`).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`${language}-${name}.png`), fullPage: true });
    }
  }
  // On a tablet the pages reflow: nothing wider than the screen (wide tables scroll in their own box).
  await page.setViewportSize({ width: 768, height: 1024 });
  for (const [name, path] of pages) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} on a tablet`).toBeLessThanOrEqual(1);
    if (["overview", "day", "calls", "incident"].includes(name)) await page.screenshot({ path: testInfo.outputPath(`tablet-ja-${name}.png`), fullPage: true });
  }
});

test("the signed-out pages in both languages have no serious axe violations", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  try {
    for (const language of ["en", "ja"] as const) {
      for (const path of ["/sign-in", "/forgot-password"]) {
        await page.goto(path);
        if (language === "ja" && path === "/sign-in") await page.getByRole("button", { name: "日本語" }).click();
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        expect(await seriousViolations(page), `${language} ${path}`).toEqual([]);
        await page.screenshot({ path: testInfo.outputPath(`${language}${path.replace(/\//g, "-")}.png`), fullPage: true });
      }
    }
  } finally {
    await context.close();
  }
});

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
}
