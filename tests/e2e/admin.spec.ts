// Given a fresh install whose first admin was created at start, when the
// admin signs in and enters the founding story through the form, then it is
// on the home page; corrections, deletion and restore work and are in its
// history; an editor who saved late is told what changed; an analyst cannot
// reach the admin area.
import { expect, test } from "@playwright/test";
import { ADMIN, createToken, createUser, pageAs, pickFromCombobox, screenshot, signIn, watchConsole } from "./helpers";

test.describe.configure({ mode: "serial" });

test("signing in over plain http on 127.0.0.1 sets a Secure, httpOnly, SameSite=Lax session cookie", async ({ page, context }) => {
  const problems = watchConsole(page);
  await page.goto("/sign-in");
  await screenshot(page, "sign-in");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "wrong" })).toHaveText("The email or the password is wrong.");
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("/");
  const [cookie] = (await context.cookies()).filter((c) => c.name.endsWith("session_token"));
  expect(cookie).toMatchObject({ name: "__Secure-better-auth.session_token", httpOnly: true, secure: true, sameSite: "Lax" });
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(ADMIN.email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  expect((await context.cookies()).filter((c) => c.name.endsWith("session_token"))).toEqual([]);
  expect(problems).toEqual([]);
});

test("an admin enters the founding story through the form and sees it on the home page", async ({ browser }) => {
  const page = await pageAs(browser, ADMIN);
  const problems = watchConsole(page);
  await page.goto("/admin");
  await page.getByRole("link", { name: "New report" }).first().click();
  await expect(page.getByRole("heading", { name: "New report" })).toBeVisible();

  // What a person does to enter the story, timed from the empty form to the saved report.
  const started = Date.now();
  await pickFromCombobox(page, "Target country", "Ecuador");
  await page.getByLabel("Counted from an event").selectOption({ label: "2019-04-11 · Assange arrested" });
  await expect(page.getByLabel("Period start")).toHaveValue("2019-04-11");
  await page.getByLabel("The period in the speaker's words").fill("since the arrest of Julian Assange");
  await page.getByLabel("Status").selectOption("published");
  await page
    .getByLabel("Notes")
    .fill("Paraphrase of the AFP interview as republished by The Hill: more than 40 million cyberattacks since the arrest of Julian Assange, coming mainly from the United States, several European countries, Brazil, and Ecuador itself.");

  const figure = (n: number) => page.getByRole("group", { name: `Figure ${n}` });
  await figure(1).getByLabel("Qualifier").selectOption("more_than");
  await page.getByLabel("Figure 1 count").fill("40,000,000");
  const sources: Array<["country" | "region", string, string]> = [
    ["country", "United States", "mainly"],
    ["region", "Europe", "several European countries"],
    ["country", "Brazil", "mainly"],
    ["country", "Ecuador", "Ecuador itself"],
  ];
  for (const [index, [kind, name, note]] of sources.entries()) {
    const n = index + 2;
    await page.getByRole("button", { name: kind === "country" ? "+ Source country" : "+ Source region" }).click();
    await pickFromCombobox(page, `Figure ${n} source ${kind}`, name);
    await page.getByLabel(`Figure ${n} words beside it`).fill(note);
  }

  await pickFromCombobox(page, "Speaker 1", "Deputy", /^Unnamed official/);
  await page.getByRole("button", { name: "+ Add speaker" }).click();
  await pickFromCombobox(page, "Speaker 2", "Jara", /^Javier Jara/);
  const jara = page.getByRole("group", { name: "Speaker 2" });
  await jara.getByLabel("Quoted on").selectOption("attribution");
  await jara.getByLabel("Their words (verbatim, if published)").fill("threats from those groups linked to Julian Assange");

  await pickFromCombobox(page, "Outlet of citation 1", "AFP", /^Agence France-Presse/);
  await page.getByRole("group", { name: "Citation 1" }).getByLabel("How it carried the statement").selectOption("interview");
  await page.getByRole("button", { name: /\+ Add citation/ }).click();
  await pickFromCombobox(page, "Outlet of citation 2", "The Hill", /^The Hill/);
  await expect(page.getByRole("combobox", { name: "Outlet of citation 2" })).toHaveValue("The Hill (News outlet)");
  await expect(page.getByRole("combobox", { name: "Speaker 2" })).toHaveValue(/^Javier Jara — Official/);
  await expect(page.getByRole("group", { name: "Citation 2" }).getByLabel("Taken from")).toHaveValue(/.+/);

  // The preview shows the figures as visitors will see them, before saving.
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { level: 2 }).last()).toContainText("more than 40,000,000");
  await expect(preview.getByText("named, no figure")).toHaveCount(4);
  await screenshot(page, "admin-new-report-filled");

  await page.getByRole("button", { name: "Create report" }).click();
  await page.waitForURL(/\/admin\/reports\/\d+\?created=1/);
  const seconds = (Date.now() - started) / 1000;
  console.log(`Entering the founding story took ${seconds.toFixed(1)} s in Playwright (29 fields, choices and clicks).`);
  expect(seconds).toBeLessThan(120);
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  await expect(page.getByRole("status")).toContainText(`Report ${id} created`);
  await screenshot(page, "admin-report-created");

  // On the dashboard: both Ecuador reports are in the timeline's sources, and the entered one has its own page.
  await page.goto("/?target=EC");
  await expect(page.getByRole("link", { name: "Ecuador: > 40,000,000 cyberattacks" })).toHaveCount(2);
  await page.goto(`/reports/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("more than 40,000,000");
  await expect(page.locator("table.data-table tbody tr").filter({ hasText: "named, no figure" })).toHaveCount(4);
  await expect(page.getByRole("complementary", { name: "Provenance" })).toContainText("Javier Jara");
  await expect(page.getByRole("list", { name: "Citation chain 1" }).getByRole("listitem")).toHaveCount(2);
  await screenshot(page, "report-page-of-entered-report");

  // Correct it, then delete it (recoverably) and restore it: each step in its history.
  await page.goto(`/admin/reports/${id}`);
  await page.getByLabel("Stated on").fill("2019-04-20");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2" })).toBeVisible();
  const history = page.getByRole("list", { name: "Changes to this report" });
  await expect(history.getByRole("listitem").first()).toContainText("Corrected");
  await expect(history.getByRole("listitem").first()).toContainText(/Stated on\(empty\)\s*→\s*changed to 2019-04-20/);

  await page.getByLabel("Delete: why? (it can be restored)").fill("Entered twice for the test");
  await page.getByRole("button", { name: "Delete report" }).click();
  await page.waitForURL(/\/admin\?tab=deleted/);
  await expect(page.getByRole("row").filter({ hasText: "Entered twice for the test" })).toBeVisible();
  await screenshot(page, "admin-deleted-tab");
  await page.getByRole("row").filter({ hasText: "Entered twice for the test" }).getByRole("button", { name: "Restore" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Entered twice for the test" })).toHaveCount(0);

  await page.goto(`/admin/reports/${id}`);
  await expect(history.getByRole("listitem").first()).toContainText("Restored");
  await expect(history.getByRole("listitem").nth(1)).toContainText("Deleted");
  await screenshot(page, "admin-edit-with-history");

  // Leave the home page as the other tests expect it: the seeded story only.
  await page.getByLabel("Delete: why? (it can be restored)").fill("Test done");
  await page.getByRole("button", { name: "Delete report" }).click();
  await page.waitForURL(/\/admin\?tab=deleted/);
  expect(problems).toEqual([]);
});

test("an editor who saves after someone else is told what changed, and chooses", async ({ browser }) => {
  const page = await pageAs(browser, ADMIN);
  const token = createToken(ADMIN.email, "e2e conflict setup");
  const created = await page.request.post("/api/v1/reports", {
    headers: { authorization: `Bearer ${token}` },
    data: {
      targetCountry: "PE",
      periodStart: "2020-01-01",
      periodEnd: "2020-12-31",
      status: "draft",
      notes: "first notes",
      speakers: [{ name: "Ana Torres", role: "Minister of Defence" }],
      citations: [{ outlet: { name: "Agencia Andina", kind: "government" } }],
      observations: [{ count: 1200, qualifier: "approximately", scope: { type: "all" } }],
    },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  const otherPage = await pageAs(browser, ADMIN);
  await page.goto(`/admin/reports/${id}`);
  await otherPage.goto(`/admin/reports/${id}`);

  await otherPage.getByLabel("Notes").fill("notes from the other editor");
  await otherPage.getByRole("button", { name: "Save changes" }).click();
  await expect(otherPage.getByRole("status").filter({ hasText: "Saved as version 2" })).toBeVisible();

  await page.getByLabel("The period in the speaker's words").fill("last year");
  await page.getByRole("button", { name: "Save changes" }).click();
  const conflict = page.getByRole("alert").filter({ hasText: "Someone changed this report" });
  await expect(conflict).toContainText("You started from version 1; it is now at version 2");
  await expect(conflict).toContainText(`by ${ADMIN.email}`);
  await expect(conflict).toContainText("Notes: first notes → notes from the other editor");
  await screenshot(page, "admin-conflict");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "admin-conflict-phone");
  await page.setViewportSize({ width: 1280, height: 900 });

  await conflict.getByRole("button", { name: "Save mine over theirs" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 3" })).toBeVisible();
  const final = await (await page.request.get(`/api/v1/reports/${id}`, { headers: { authorization: `Bearer ${token}` } })).json();
  expect(final).toMatchObject({ version: 3, periodLabel: "last year", notes: "first notes" });

  // The other editor's version can be brought back from the history; that too is recorded.
  await page.getByRole("button", { name: "Restore version 2" }).click();
  await expect(page.getByText("Editing version 4")).toBeVisible();
  const restored = await (await page.request.get(`/api/v1/reports/${id}`, { headers: { authorization: `Bearer ${token}` } })).json();
  expect(restored).toMatchObject({ version: 4, periodLabel: null, notes: "notes from the other editor" });
  await expect(page.getByRole("list", { name: "Changes to this report" }).getByRole("listitem").first()).toContainText("Restored version 2");
  await otherPage.context().close();
});

test("bad input is named beside its field and nothing is saved", async ({ browser }) => {
  const page = await pageAs(browser, ADMIN);
  await page.goto("/admin/reports/new");
  await page.getByLabel("Period start").fill("2020-03-01");
  await page.getByLabel("Period end").fill("2020-02-01");
  await page.getByLabel("Figure 1 count").fill("-5");
  await page.getByRole("button", { name: "Create report" }).click();
  await expect(page.locator(".form-error")).toContainText("things to fix before saving");
  await expect(page.locator(".field--invalid").filter({ hasText: "Period end" })).toContainText("must be on or after the start of the period (2020-03-01)");
  await expect(page.getByRole("group", { name: "Figure 1" }).locator(".field--invalid")).toContainText("must be a whole number ≥ 0");
  await expect(page.locator(".field--invalid").filter({ hasText: "Target country" })).toContainText("must name a country");
  await expect(page.locator(".field--invalid").filter({ hasText: "Speaker 1" })).toContainText("a name, a role or an organisation");
  await expect(page).toHaveURL(/\/admin\/reports\/new$/);
  await screenshot(page, "admin-form-errors");
});

test("form errors name only what the admin can see, in plain words, without breaking the figure's row", async ({ browser }) => {
  const page = await pageAs(browser, ADMIN);
  await page.goto("/admin/reports/new");
  await pickFromCombobox(page, "Target country", "Ecuador");
  await page.getByLabel("Period start").fill("2020-03-01");
  await page.getByLabel("Period end").fill("2020-02-01");
  await page.getByLabel("Figure 1 count").fill("about forty million");
  await page.getByRole("button", { name: "Create report" }).click();
  const banner = page.locator(".form-error");
  await expect(banner).toContainText(/things? to fix before saving/);
  // The number said is the number of marked fields: the figure's hidden period is not a third problem.
  const said = Number((await banner.textContent())!.match(/(\d+) things? to fix/)![1]);
  await expect(page.locator(".field--invalid")).toHaveCount(said);
  await expect(page.locator(".field--invalid").filter({ hasText: "Period end" })).toContainText("must be on or after the start of the period (2020-03-01)");
  const figure = page.getByRole("group", { name: "Figure 1" });
  const countField = figure.locator(".field--invalid").filter({ hasText: "Count" });
  await expect(countField).toContainText("Write a whole number, e.g. 2,194 — or leave it empty if no figure was given");
  await expect(countField).not.toContainText("null");
  // The error grows its own cell downwards: the count box stays level with the qualifier beside it.
  const qualifierBox = await figure.getByLabel("Qualifier").boundingBox();
  const countBox = await figure.getByLabel("Figure 1 count").boundingBox();
  expect(Math.abs(countBox!.y - qualifierBox!.y)).toBeLessThan(2);
  await screenshot(page, "admin-form-errors-plain-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  await figure.scrollIntoViewIfNeeded();
  await screenshot(page, "admin-form-errors-plain-390");
  await page.setViewportSize({ width: 1440, height: 900 });

  // An empty period start: "Required", not calendar rules.
  await page.getByLabel("Period start").fill("");
  await page.getByLabel("Period end").fill("");
  await page.getByLabel("Figure 1 count").fill("2,194");
  await page.getByRole("button", { name: "Create report" }).click();
  const start = page.locator(".field--invalid").filter({ hasText: "Period start" });
  await expect(start).toContainText("Required");
  await expect(start).not.toContainText("calendar");
  await expect(start).not.toContainText("1970");
  const saidNow = Number((await banner.textContent())!.match(/(\d+) things? to fix/)![1]);
  await expect(page.locator(".field--invalid")).toHaveCount(saidNow);
  await expect(page).toHaveURL(/\/admin\/reports\/new$/);
});

test("an analyst cannot reach the admin area", async ({ browser }) => {
  const page = await pageAs(browser, createUser("analyst@example.org", "analyst"));
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("analyst");
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not for your role" })).toBeVisible();
  await screenshot(page, "admin-forbidden-for-analyst");
});

test("an organisation speaking as itself is named as the organisation; an admin renames it on the Speakers page, with the version check", async ({ browser }) => {
  const page = await pageAs(browser, ADMIN);
  const token = createToken(ADMIN.email, "e2e speakers page");
  const organisation = `State Service of Special Communications ${Math.random().toString(36).slice(2, 7)}`;
  const created = await page.request.post("/api/v1/reports", {
    headers: { authorization: `Bearer ${token}` },
    data: {
      targetCountry: "UA",
      periodStart: "2022-01-01",
      periodEnd: "2022-12-31",
      status: "published",
      speakers: [{ organisation, country: "UA" }],
      citations: [{ outlet: { name: "SSSCIP", kind: "government" } }],
      observations: [{ count: 4500, qualifier: "more_than", scope: { type: "all" } }],
    },
  });
  expect(created.status()).toBe(201);
  const report = await created.json();
  const speakerId: number = report.speakers[0].id;

  // The report page names the organisation, not an unnamed person of it.
  await page.goto(`/reports/${report.id}`);
  await expect(page.locator("main")).toContainText(organisation);
  await expect(page.locator("main")).not.toContainText("Unnamed official");

  // The Speakers page lists it by that name; the admin edits it.
  await page.goto("/admin/speakers");
  const row = page.getByRole("listitem", { name: `Speaker ${speakerId}` });
  await expect(row).toContainText(organisation);
  await expect(row).toContainText("1 report");
  await row.getByRole("button", { name: "Edit" }).click();
  await row.getByLabel("Organisation").fill(`${organisation} of Ukraine`);
  await screenshot(page, "admin-speakers-edit-1440");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row).toContainText(`${organisation} of Ukraine`);
  await expect(row).toContainText("version 2");
  await page.goto(`/reports/${report.id}`);
  await expect(page.locator("main")).toContainText(`${organisation} of Ukraine`);

  // Someone else changes it meanwhile: saving the stale version is refused and nothing is overwritten.
  await page.goto("/admin/speakers");
  const again = page.getByRole("listitem", { name: `Speaker ${speakerId}` });
  await again.getByRole("button", { name: "Edit" }).click();
  const other = await page.request.patch(`/api/v1/speakers/${speakerId}`, {
    headers: { authorization: `Bearer ${token}` },
    data: { version: 2, role: "Press office" },
  });
  expect(other.status()).toBe(200);
  await again.getByLabel("Organisation").fill("A stale rename");
  await again.getByRole("button", { name: "Save" }).click();
  await expect(again.getByRole("alert").first()).toContainText(/version/i);
  const now = await (await page.request.get(`/api/v1/speakers/${speakerId}`, { headers: { authorization: `Bearer ${token}` } })).json();
  expect(now.organisation).toBe(`${organisation} of Ukraine`);
  expect(now.role).toBe("Press office");

  // The edit is in the audit history.
  await page.goto("/admin/audit");
  await expect(page.locator("main")).toContainText(/speaker/i);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin/speakers");
  await screenshot(page, "admin-speakers-390");
});

test("an admin edits an outlet on the Outlets page", async ({ browser }) => {
  const page = await pageAs(browser, ADMIN);
  const token = createToken(ADMIN.email, "e2e outlets page");
  const name = `Outlet page test ${Math.random().toString(36).slice(2, 7)}`;
  const created = await page.request.post("/api/v1/outlets", { headers: { authorization: `Bearer ${token}` }, data: { name, kind: "news_outlet" } });
  expect(created.status()).toBe(201);
  const outlet = await created.json();
  await page.goto("/admin/outlets");
  const row = page.getByRole("listitem", { name: `Outlet ${outlet.id}` });
  await expect(row).toContainText(name);
  await row.getByRole("button", { name: "Edit" }).click();
  await row.getByLabel("Homepage").fill("not a url");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.locator(".field--invalid")).toContainText(/./);
  await row.getByLabel("Homepage").fill("https://example.org/news");
  await row.getByLabel("Kind").selectOption("broadcaster");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("button", { name: "Edit" })).toBeVisible();
  await expect(row).toContainText("Broadcaster");
  await expect(row).toContainText("version 2");
  const now = await (await page.request.get(`/api/v1/outlets/${outlet.id}`, { headers: { authorization: `Bearer ${token}` } })).json();
  expect(now).toMatchObject({ homepage: "https://example.org/news", kind: "broadcaster" });
  await screenshot(page, "admin-outlets-1440");
});
