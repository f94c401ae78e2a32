// Given every admin page, when it is opened anonymously, with a revoked
// token, as an analyst and as an admin, then only the admin sees it: the
// others are sent to sign in (401-like) or shown the 403 page. Each page is
// looked at on a desktop and a phone.
import { expect, test, type BrowserContext } from "@playwright/test";
import { ADMIN_PAGES } from "../authz/routes";
import { ADMIN, createToken, createUser, pageAs, screenshot, watchConsole } from "./helpers";

test.describe.configure({ mode: "serial" });

let contexts: Record<string, BrowserContext>;

test.beforeAll(async ({ browser }) => {
  const analyst = createUser("pages-analyst@example.org", "analyst");
  const revoked = createToken(ADMIN.email, "revoked for the page matrix");
  const tokens = await (await browser.newContext()).request.get("/api/v1/tokens", { headers: { authorization: `Bearer ${revoked}` } });
  const id = (await tokens.json()).data.find((t: { name: string }) => t.name === "revoked for the page matrix").id;
  const revoke = await (await browser.newContext()).request.delete(`/api/v1/tokens/${id}`, { headers: { authorization: `Bearer ${revoked}` } });
  expect(revoke.status()).toBe(200);
  contexts = {
    anonymous: await browser.newContext(),
    "revoked token": await browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${revoked}` } }),
    analyst: (await pageAs(browser, analyst)).context(),
    admin: (await pageAs(browser, ADMIN)).context(),
  };
});

test.afterAll(async () => Promise.all(Object.values(contexts).map((c) => c.close())));

for (const path of ADMIN_PAGES) {
  test(`${path}: only admins`, async () => {
    for (const who of ["anonymous", "revoked token"]) {
      const page = await contexts[who].newPage();
      await page.goto(path);
      expect(new URL(page.url()).pathname, who).toBe("/sign-in");
      expect(new URL(page.url()).searchParams.get("next"), who).toBe(path);
      await page.close();
    }
    const analystPage = await contexts.analyst.newPage();
    expect((await analystPage.goto(path))?.status()).toBe(403);
    await expect(analystPage.getByRole("heading", { name: "Not for your role" })).toBeVisible();
    await analystPage.close();

    const page = await contexts.admin.newPage();
    const problems = watchConsole(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const name = `admin-page${path.replaceAll("/", "-")}`;
    await screenshot(page, name);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, `${name}-phone`);
    // Nothing wider than the phone's screen, except inside the tables' own scroll boxes.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await page.close();
  });
}
