// Given an admin who stores HTML and script in every text field a report and
// its sources have — speaker name, role, organisation and quote; outlet name;
// citation title; period label; quote; notes; observation note; retraction
// reason; event label; token name — when anyone opens the pages that show
// them (the report page, the dashboard's sources panel and table, the admin
// list, form, history, audit and tokens pages), then the server sends them
// escaped, the browser shows them as literal text, and nothing runs: each
// payload would set window.__xss to the name of its field.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, createToken, pageAs, watchConsole } from "./helpers";

const TARGET = "MT";
const attack = (field: string) => `"'><img src=x onerror="window.__xss='${field}'"><script>window.__xss='${field}'</script>`;
const A = {
  speakerName: attack("speaker name"),
  speakerRole: attack("speaker role"),
  organisation: attack("organisation"),
  speakerQuote: attack("speaker quote"),
  outlet: attack("outlet name"),
  title: attack("citation title"),
  periodLabel: attack("period label"),
  quote: attack("quote"),
  notes: attack("notes"),
  note: attack("observation note"),
  reason: attack("retraction reason"),
  event: attack("event label"),
  edited: attack("edited notes"),
  token: `<svg onload="window.__xss='token'">`,
};

let published: number;
let retracted: number;
let adminToken: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ playwright, baseURL }) => {
  const token = (adminToken = createToken(ADMIN.email, "e2e stored xss"));
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const event = await api.post("/api/v1/events", { data: { date: "2022-02-01", label: A.event } });
  expect(event.status(), await event.text()).toBe(201);
  const report = (status: string, outlet: string) => ({
    targetCountry: TARGET,
    periodStart: "2022-02-01",
    periodEventId: null as number | null,
    periodLabel: A.periodLabel,
    statedOn: "2022-03-01",
    status,
    quote: A.quote,
    notes: A.notes,
    speakers: [{ name: A.speakerName, role: A.speakerRole, organisation: A.organisation, subject: "figure", quote: A.speakerQuote }],
    citations: [{ outlet: { name: outlet }, title: A.title, url: "https://example.org/xss?q=%22%3E%3Cscript%3E" }],
    observations: [
      { count: 12, scope: { type: "all" }, note: A.note },
      { count: 5, scope: { type: "country", code: "US" }, note: A.note },
    ],
  });
  const eventId = (await event.json()).id as number;
  const first = await api.post("/api/v1/reports", { data: { ...report("published", A.outlet), periodEventId: eventId } });
  expect(first.status(), await first.text()).toBe(201);
  const created = await first.json();
  published = created.id;
  // An edit, so the history and the audit page show the text before and after.
  const edit = await api.patch(`/api/v1/reports/${published}`, { data: { version: created.version, notes: A.edited } });
  expect(edit.status(), await edit.text()).toBe(200);
  const second = await api.post("/api/v1/reports", { data: report("published", `${A.outlet} (2)`) });
  expect(second.status(), await second.text()).toBe(201);
  retracted = (await second.json()).id;
  const retract = await api.post(`/api/v1/reports/${retracted}/retract`, { data: { reason: A.reason } });
  expect(retract.status(), await retract.text()).toBe(200);
  const named = await api.post("/api/v1/tokens", { data: { name: A.token } });
  expect(named.status(), await named.text()).toBe(201);
  await api.dispose();
});

// Tidy up for the other tests: the reports go (recoverably); the event and the named token stay, harmless.
test.afterAll(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${adminToken}` } });
  for (const id of [published, retracted]) expect((await api.delete(`/api/v1/reports/${id}`, { data: { reason: "stored XSS test done" } })).status()).toBe(200);
  await api.dispose();
});

/**
 * Opens a page and checks that the stored payloads are inert: the HTML the
 * server sends holds none of them unescaped (React escapes text and
 * attributes; Next.js escapes its data scripts), no element carries an event
 * handler, nothing set window.__xss, no dialog opened, and each of `shown`
 * appears as literal text on the page (or as a form field's value).
 */
async function expectInert(page: Page, path: string, shown: string[]) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const problems = watchConsole(page);
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const html = await response!.text();
  for (const payload of Object.values(A)) expect(html, `${path} sends a payload unescaped`).not.toContain(payload.replace(/^"'>/, ""));
  expect(html).not.toMatch(/<img src=x onerror|<script>window\.__xss|<svg onload/);
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), path).toBeUndefined();
  expect(await page.locator("[onerror], [onload], img[src='x'], svg[onload]").count(), path).toBe(0);
  const text = await page.locator("body").innerText();
  const values = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>("input, textarea, select")].flatMap((field) =>
      field instanceof HTMLSelectElement ? [...field.options].map((o) => o.text) : [field.value],
    ),
  );
  for (const payload of shown) {
    expect(text.includes(payload) || values.some((value) => value.includes(payload)), `${path} shows ${payload} as text`).toBe(true);
  }
  expect(dialogs, path).toEqual([]);
  expect(problems, path).toEqual([]);
}

test("the report page shows every stored text literally and runs none of it", async ({ page }) => {
  await expectInert(page, `/reports/${published}`, [A.speakerName, A.speakerRole, A.organisation, A.speakerQuote, A.outlet, A.title, A.periodLabel, A.quote, A.edited, A.note]);
  await expectInert(page, `/reports/${retracted}`, [A.reason, A.quote]);
  // The only link is the citation's own http(s) address, percent-encoded as stored.
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(hrefs.filter((href) => /^(javascript|data|vbscript):/i.test(href))).toEqual([]);
});

test("the dashboard's sources panel, table and charts show it as text", async ({ page }) => {
  await expectInert(page, `/?target=${TARGET}`, [A.speakerName, A.outlet]);
  await expectInert(page, `/?target=${TARGET}&view=table`, [A.speakerName]);
  await expectInert(page, `/?target=${TARGET}&chart=by-source`, [A.speakerName]);
  await expectInert(page, `/?target=${TARGET}&status=retracted`, [A.speakerName]);
});

test("the admin pages show it as text: list, form, history, audit, tokens, and the speaker search", async ({ browser }) => {
  const page = await pageAs(browser, ADMIN);
  // The list shows figures and periods, not names: checked for inertness only.
  await expectInert(page, "/admin", []);
  await expectInert(page, `/admin/reports/${published}`, [A.speakerName, A.quote, A.edited, A.event]);
  await expectInert(page, "/admin/audit", [A.edited]);
  await expectInert(page, "/admin/tokens", [A.token]);
  await expectInert(page, "/admin/reports/new", [A.event]);
  // Search results for a speaker come from the API and are drawn by the client.
  const speaker = page.getByRole("combobox", { name: "Speaker 1" });
  await speaker.fill("onerror");
  const option = page.getByRole("listbox", { name: "Speaker 1" }).getByRole("option").filter({ hasText: "speaker name" });
  await expect(option).toContainText(A.speakerName);
  await speaker.press("Enter");
  expect(await speaker.inputValue()).toContain(A.speakerName);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(await page.locator("[onerror], [onload], img[src='x']").count()).toBe(0);
  await page.context().close();
});
