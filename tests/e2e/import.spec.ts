// Given an admin with CSV files, when a file with one bad row is checked and
// imported through /admin/import, then the row and column are named and
// nothing is written; a good file is imported, and re-importing it changes
// nothing; tokens are created and revoked in the UI; all of it is in the
// audit history.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ADMIN, pageAs, screenshot, watchConsole } from "./helpers";

test.describe.configure({ mode: "serial" });

function csvFile(name: string, rows: string[][]): string {
  const header = ["target_country", "metric", "report_period_start", "report_period_end", "count", "qualifier", "scope_type", "source_code", "status", "speakers", "citations"];
  const file = path.join(process.env.E2E_DIR!, name);
  fs.writeFileSync(file, [header, ...rows].map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(",")).join("\n") + "\n");
  return file;
}

const row = (target: string, count: string, scope = "all", code = "") => [target, "cyberattacks", "2022-01-01", "2022-03-31", count, count === "" ? "" : "exact", scope, code, "published", "Imported Speaker; Spokesperson", "Import Daily; https://import.example/x"];

test("a file with one bad row is refused with its row and column, and nothing is written; a good one is imported once", async ({ browser }) => {
  const page = await pageAs(browser, ADMIN);
  const problems = watchConsole(page);
  await page.goto("/admin/import");
  const before = (await (await page.request.get("/api/v1/reports?limit=500&status=draft,published,retracted")).json()).data.length;

  await page.getByLabel("CSV file").setInputFiles(csvFile("bad.csv", [row("CL", "100"), row("AR", "200"), row("UY", "-5"), row("PY", "400")]));
  await page.getByRole("button", { name: "Check the file (nothing is written)" }).click();
  const result = page.locator(".import-result");
  await expect(result.getByRole("heading")).toHaveText("Check failed: nothing was written");
  const errorRow = result.getByRole("row").filter({ hasText: "must be a whole number ≥ 0" });
  await expect(errorRow.getByRole("cell").nth(0)).toHaveText("4");
  await expect(errorRow.getByRole("cell").nth(1)).toHaveText("count");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(result.getByRole("heading")).toHaveText("Import failed: nothing was written");
  await screenshot(page, "admin-import-bad-row");
  const after = (await (await page.request.get("/api/v1/reports?limit=500&status=draft,published,retracted")).json()).data.length;
  expect(after).toBe(before);

  const good = csvFile("good.csv", [row("CL", "100"), row("CL", "", "country", "AR"), row("AR", "200"), row("PY", "400")]);
  await page.getByLabel("CSV file").setInputFiles(good);
  await page.getByRole("button", { name: "Check the file (nothing is written)" }).click();
  await expect(result).toContainText("3 reports to create, 0 to update, 0 already there unchanged");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(result.getByRole("heading")).toHaveText("Imported");
  await expect(result).toContainText("3 reports created");
  await screenshot(page, "admin-import-done");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(result).toContainText("0 reports created, 0 updated, 3 already there unchanged");
  await page.reload();
  await expect(page.getByRole("table").last()).toContainText("good.csv");
  await screenshot(page, "admin-import-recent");

  await page.goto("/admin/audit?action=import&entityType=import");
  await expect(page.getByRole("row").filter({ hasText: "import" }).first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Created" }).first()).toContainText("3");
  await page.goto("/admin/audit");
  await screenshot(page, "admin-audit");
  expect(problems).toEqual([]);
});

test("tokens are shown once when created, work, and stop working when revoked", async ({ browser, playwright, baseURL }) => {
  const page = await pageAs(browser, ADMIN);
  await page.goto("/admin/tokens");
  await page.getByLabel("Name (what it is for)").fill("e2e script");
  await page.getByRole("button", { name: "Create token" }).click();
  const value = (await page.getByLabel("New token").textContent())!.trim();
  expect(value).toMatch(/^crd_/);
  await screenshot(page, "admin-token-created");
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${value}` } });
  expect((await api.get("/api/v1/me")).status()).toBe(200);
  await page.getByRole("button", { name: "Revoke token e2e script" }).click();
  await expect(page.getByRole("row").filter({ hasText: "e2e script" })).toContainText("revoked");
  expect((await api.get("/api/v1/me")).status()).toBe(401);
  await page.reload();
  await expect(page.getByText(value)).toHaveCount(0);
  await api.dispose();
});
