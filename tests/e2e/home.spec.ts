// Given a fresh install, when a visitor opens the dashboard, then they see the
// founding figure with its qualifier and its sourcing beside it.
import { expect, test } from "@playwright/test";

test("the home page shows the founding figure with its qualifier and sourcing", async ({ page }) => {
  await page.goto("/");
  const card = page.getByRole("article").filter({ hasText: "Target: Ecuador" });
  await expect(card).toBeVisible();

  const title = card.getByRole("heading", { level: 2 });
  await expect(title).toContainText("more than");
  await expect(title).toContainText("40,000,000");
  await expect(title).toContainText("cyberattacks");
  await expect(card).toContainText("since 11 April 2019");
  await expect(card).toContainText("since the arrest of Julian Assange");

  // Four sources named without a figure — never shown as zero.
  const named = card.locator(".source-list__item");
  await expect(named).toHaveCount(4);
  await expect(named.getByText("named, no figure")).toHaveCount(4);
  await expect(named).toContainText(["United States of America", "Europe", "Brazil", "Ecuador"]);
  await expect(card.locator(".source-list")).not.toContainText(/\b0\b/);

  const sourcing = card.getByRole("complementary", { name: "Sourcing" });
  await expect(sourcing).toContainText("Unnamed official");
  await expect(sourcing).toContainText("Deputy Minister for Information and Communication Technologies");
  await expect(sourcing).toContainText("Javier Jara");
  const chain = sourcing.getByRole("list", { name: "Citation chain 1" }).getByRole("listitem");
  await expect(chain).toHaveCount(2);
  await expect(chain.nth(0)).toContainText("Agence France-Presse (AFP)");
  await expect(chain.nth(0)).toContainText("interview");
  await expect(chain.nth(1)).toContainText("The Hill");
  await expect(chain.nth(1)).toContainText("republished");
  await expect(sourcing.getByRole("link", { name: "The Hill" })).toHaveAttribute("href", "https://thehill.com/");

  await page.screenshot({ path: "tests/output/home.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "tests/output/home-phone.png", fullPage: true });
});

test("the JSON API answers beside the page", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(await health.json()).toEqual({ status: "ok", database: "sqlite" });
  const reports = await request.get("/api/v1/reports?target=EC");
  const { data } = await reports.json();
  expect(data[0].observations[0]).toMatchObject({ count: 40000000, qualifier: "more_than" });
  const bad = await request.get("/api/v1/reports?from=yesterday");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("validation_failed");
});
