import { expect, test } from "../support/e2e-test";
import { createOrgThroughPage, uploadFixture } from "../support/e2e-org";

// An upload sent by mistake is deleted from its page: confirmed first, then gone with its calls.

test("an owner deletes an upload after confirming; its calls are gone", async ({ page }) => {
  const org = await createOrgThroughPage(page, "E2E Delete");
  const uploadId = await uploadFixture(page, org, "asterisk/master-canonical.csv");
  await page.goto(`/orgs/${org.slug}/calls`);
  await expect(page.getByTestId("calls-matching")).not.toHaveText("0 matching calls");

  await page.goto(`/orgs/${org.slug}/uploads/${uploadId}`);
  const deleteButton = page.getByRole("button", { name: "Delete upload" });
  await deleteButton.click();
  await expect(page).toHaveURL(new RegExp(`/uploads/${uploadId}$`));
  await page.getByLabel("I understand that these calls will be removed").check();
  await deleteButton.click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/uploads\\?deleted=`));
  await expect(page.getByRole("status")).toContainText("Upload “master-canonical.csv” deleted");
  await page.goto(`/orgs/${org.slug}/calls`);
  await expect(page.getByTestId("calls-matching")).toHaveText("0 matching calls");
  await page.goto(`/orgs/${org.slug}`);
  await expect(page.getByText("Nothing uploaded yet")).toBeVisible();
  await expect(page.getByRole("button", { name: "Load the demo organization" })).toBeVisible();
});
