// A new user on the seeded app: the four charts, the table, the sources panel,
// filters in the URL, downloads, and a report's own page.
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";

const chartSvg = (page: Page) => page.locator("#chart-area .recharts-wrapper > svg.recharts-surface");

test("the timeline shows the founding figure with its sources beside it", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2, name: "Reported figures over time" })).toBeVisible();
  await expect(chartSvg(page)).toBeVisible();
  await expect(page.locator("#chart-area")).toContainText("Assange arrested, 2019-04-11");

  const sources = page.getByRole("complementary").filter({ has: page.getByRole("heading", { name: /Sources/ }) });
  await expect(sources).toContainText("Ecuador: > 40,000,000 cyberattacks");
  await expect(sources).toContainText("Unnamed official");
  await expect(sources).toContainText("Javier Jara");
  await expect(sources).toContainText("Agence France-Presse (AFP) (interview) → The Hill (republished)");
  await expect(sources).toContainText("Last updated:");

  // The tooltip carries the qualifier and the source number.
  await page.locator("#chart-area .recharts-scatter-symbol").first().hover();
  await expect(page.locator(".chart-tooltip")).toContainText("> 40,000,000");
  await expect(page.locator(".chart-tooltip")).toContainText("source [1]");
  await page.screenshot({ path: "tests/output/dashboard-timeline.png", fullPage: true });
});

test("by source: named countries and the region Europe, never as zero; the map shades them", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "By source" }).click();
  await expect(page).toHaveURL(/chart=by-source/);
  await expect(chartSvg(page)).toBeVisible();
  await expect(page.locator("#chart-area")).toContainText("named, no figure");
  await expect(page.locator("#chart-area")).toContainText("Europe (region)");
  await page.screenshot({ path: "tests/output/dashboard-by-source.png", fullPage: true });

  await page.getByRole("link", { name: "Table" }).click();
  await expect(page).toHaveURL(/view=table/);
  const rows = page.locator("table.data-table tbody tr");
  await expect(rows).toHaveCount(4);
  await expect(rows.locator("td.num--named")).toHaveCount(4);
  await expect(page.locator("table.data-table")).not.toContainText(/^0$/);

  await page.getByRole("link", { name: "Map" }).click();
  await expect(page).toHaveURL(/chart=map&view=table/);
  await expect(page.locator("table.data-table tbody tr")).toHaveCount(4);
  await page.getByRole("link", { name: "Chart" }).click();
  await expect(page).not.toHaveURL(/view=table/);
  await expect(page.locator("svg.world-map__svg")).toBeVisible();
  for (const code of ["US", "BR", "EC"]) {
    await expect(page.locator(`path[data-code="${code}"]`)).toHaveAttribute("fill", "url(#named-hatch)");
  }
  await expect(page.locator(`path[data-code="FR"]`)).toHaveAttribute("fill", "#e3e7ec");
  await expect(page.locator(".map-regions")).toContainText("Europe: named, no figure");
  await page.screenshot({ path: "tests/output/dashboard-map.png", fullPage: true });

  await page.getByRole("link", { name: "By target" }).click();
  await page.getByRole("link", { name: "Chart" }).click();
  await expect(page.locator("#chart-area")).toContainText("> 40M [1]");
});

test("filters live in the URL: they change the charts, survive reload, and back/forward", async ({ page }) => {
  await page.goto("/?chart=by-source");
  await page.getByRole("combobox", { name: "Target country" }).fill("Peru");
  await page.getByRole("combobox", { name: "Target country" }).press("Enter");
  await expect(page).toHaveURL(/target=PE/);
  await expect(page.getByText("No reported figure matches these filters.")).toBeVisible();

  await page.reload();
  await expect(page.getByText("No reported figure matches these filters.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove Peru" })).toBeVisible();

  await page.goBack();
  await expect(page).not.toHaveURL(/target=/);
  await expect(page.locator("#chart-area")).toContainText("named, no figure");
  await page.goForward();
  await expect(page).toHaveURL(/target=PE/);

  await page.getByRole("link", { name: "Clear all filters" }).click();
  await expect(page).not.toHaveURL(/target=/);
  await page.getByRole("combobox", { name: "Source country or region" }).fill("Europe");
  await page.getByRole("combobox", { name: "Source country or region" }).press("Enter");
  await expect(page).toHaveURL(/source=150/);
  await expect(page.locator("#chart-area")).toContainText("Europe (region)");
  await expect(page.locator("#chart-area")).not.toContainText("Brazil");
});

test("the country picker: typing a name key by key adds nothing; Enter picks exactly the highlighted country", async ({ page }) => {
  await page.goto("/?chart=by-source");
  const box = page.getByRole("combobox", { name: "Target country" });
  await box.click();
  await box.pressSequentially("Ecuador", { delay: 60 });
  // While typing, the suggestions follow the text and nothing is chosen.
  await expect(page.getByRole("listbox", { name: "Target country" }).getByRole("option").first()).toHaveText(/^Ecuador\s*EC$/);
  await expect(page.locator(".chip")).toHaveCount(0);
  await expect(page).not.toHaveURL(/target=/);
  await box.press("Enter");
  await expect(page).toHaveURL(/[?&]target=EC(&|$)/);
  await expect(page.locator(".chip")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Remove Ecuador" })).toBeVisible();
  await expect(box).toHaveValue("");
  await page.screenshot({ path: "tests/output/picker-ecuador-1440.png" });

  // A common name finds its country: "USA" → the United States of America, as a source.
  const source = page.getByRole("combobox", { name: "Source country or region" });
  await source.click();
  await source.pressSequentially("USA", { delay: 60 });
  await expect(page.getByRole("listbox", { name: "Source country or region" }).getByRole("option").first()).toContainText("United States of America");
  await page.screenshot({ path: "tests/output/picker-usa-1440.png" });
  await source.press("Enter");
  await expect(page).toHaveURL(/source=US(&|$)/);
  await expect(page).toHaveURL(/target=EC/);
  await expect(page.locator(".chip")).toHaveCount(2);
});

test("the country picker at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/?chart=by-source");
  await page.getByRole("button", { name: /^Filters/ }).click();
  const box = page.getByRole("combobox", { name: "Target country" });
  await box.click();
  await box.pressSequentially("Turk", { delay: 60 });
  // "Turk" finds Türkiye (accents ignored) before Turkmenistan.
  await expect(page.getByRole("listbox", { name: "Target country" }).getByRole("option").first()).toContainText("Türkiye");
  await page.screenshot({ path: "tests/output/picker-turkiye-390.png" });
  await box.press("Enter");
  await expect(page).toHaveURL(/target=TR/);
});

test("a link with a bad filter opens a working dashboard and says what it ignored", async ({ page }) => {
  await page.goto("/?target=XX&chart=by-target");
  await expect(page.locator(".notice--warning")).toContainText("Unknown country code 'XX'");
  await expect(page.locator("#chart-area")).toContainText("> 40M");
});

test("the displayed CSV holds exactly the table's rows", async ({ page }) => {
  await page.goto("/?chart=by-source&view=table");
  const tableRows = await page.locator("table.data-table tbody tr").evaluateAll((rows) =>
    rows.map((row) => [row.getAttribute("data-report-id"), row.getAttribute("data-key"), row.getAttribute("data-display")]),
  );
  await page.getByText("Download", { exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV — displayed rows" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^cyberattack-reports_by-source_displayed_\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parse(fs.readFileSync((await download.path())!), { bom: true, columns: true }) as Array<Record<string, string>>;
  expect(csv.map((row) => [row.report_id, row.source_code, row.display_value])).toEqual(tableRows);
  expect(csv).toHaveLength(4);
});

test("PNG and SVG downloads are images with the title and source burned in", async ({ page }) => {
  await page.goto("/?chart=by-target");
  await expect(chartSvg(page)).toBeVisible();
  await page.getByText("Download", { exact: true }).click();
  const [png] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "PNG image" }).click()]);
  const bytes = fs.readFileSync((await png.path())!);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(400); // width in pixels
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(200); // height
  fs.copyFileSync((await png.path())!, "tests/output/export-by-target.png");

  const [svg] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "SVG image" }).click()]);
  const text = fs.readFileSync((await svg.path())!, "utf8");
  expect(text).toContain("Latest figure by target country");
  expect(text).toContain("Source: Cyberattack Report Dashboard");
  expect(text).toMatch(/Exported \d{4}-\d{2}-\d{2}/);
});

test("a report's page shows every figure, the provenance and citation text", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Ecuador: > 40,000,000 cyberattacks" }).click();
  await expect(page).toHaveURL(/\/reports\/1$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("more than 40,000,000");
  const figures = page.locator("table.data-table tbody tr");
  await expect(figures).toHaveCount(5);
  await expect(figures.filter({ hasText: "named, no figure" })).toHaveCount(4);
  await expect(page.getByRole("list", { name: "Citation chain 1" }).getByRole("listitem")).toHaveText([/Agence France-Presse \(AFP\)/, /The Hill/]);
  await expect(page.locator("#cite-short")).toContainText("Via Agence France-Presse (AFP) → The Hill");
  await expect(page.getByRole("button", { name: "Copy short citation" })).toBeVisible();
  await expect(page.getByText("No other report on Ecuador overlaps this period.")).toBeVisible();
  await page.screenshot({ path: "tests/output/report-1.png", fullPage: true });

  await page.goto("/reports/999999");
  await expect(page.getByText(/could not be found|404/i).first()).toBeVisible();
});

test("the dashboard works at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await expect(chartSvg(page)).toBeVisible();
  await expect(page.getByRole("heading", { name: /Sources/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "tests/output/dashboard-phone.png", fullPage: true });
});

test("the JSON API answers beside the pages", async ({ request }) => {
  expect(await (await request.get("/api/health")).json()).toEqual({ status: "ok", database: "sqlite" });
  const { data } = await (await request.get("/api/v1/reports?target=EC")).json();
  expect(data[0].observations[0]).toMatchObject({ count: 40000000, qualifier: "more_than" });
  const bad = await request.get("/api/v1/reports?from=yesterday");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("validation_failed");
});
