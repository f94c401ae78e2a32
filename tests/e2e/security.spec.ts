// Given a report whose quote, notes and names are HTML and script, when it is
// shown, then they read as text and nothing runs; links that are not http(s)
// never reach the database; every answer carries the security headers.
import { expect, test } from "@playwright/test";
import { ADMIN, createToken, watchConsole } from "./helpers";

const ATTACK = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

test("HTML and script in quotes, notes and names are shown as text and never run", async ({ page }) => {
  const token = createToken(ADMIN.email, "e2e security");
  const auth = { authorization: `Bearer ${token}` };
  const refused = await page.request.post("/api/v1/reports", {
    headers: auth,
    data: {
      targetCountry: "FR",
      periodStart: "2021-01-01",
      speakers: [{ name: "X" }],
      citations: [{ outlet: { name: "X" }, url: "javascript:alert(1)" }],
      observations: [{ count: 1, scope: { type: "all" } }],
    },
  });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.issues).toContainEqual({ path: "citations.0.url", message: "must be a web address starting with http:// or https://" });

  const created = await page.request.post("/api/v1/reports", {
    headers: auth,
    data: {
      targetCountry: "FR",
      periodStart: "2021-01-01",
      status: "published",
      quote: ATTACK,
      notes: ATTACK,
      speakers: [{ name: ATTACK, role: "<b>role</b>", subject: "figure", quote: ATTACK }],
      citations: [{ outlet: { name: `Outlet ${ATTACK}` }, title: ATTACK, url: "https://example.org/a?<script>" }],
      observations: [{ count: 7, scope: { type: "all" }, note: ATTACK }],
    },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const problems = watchConsole(page);
  // The report's page, and the dashboard's sources panel, show it all as text.
  await page.goto(`/reports/${id}`);
  await expect(page.locator("blockquote.quote")).toHaveText(ATTACK);
  await expect(page.getByRole("complementary", { name: "Provenance" })).toContainText(ATTACK);
  expect(await page.locator("main script, main img").count()).toBe(0);
  await page.goto("/?target=FR");
  const sources = page.getByRole("complementary").filter({ has: page.getByRole("heading", { name: /Sources/ }) });
  await expect(sources).toContainText(ATTACK);
  expect(await sources.locator("script, img").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);

  // Tidy up for the other tests: delete it (recoverably).
  expect((await page.request.delete(`/api/v1/reports/${id}`, { headers: auth, data: { reason: "security test done" } })).status()).toBe(200);
});

test("pages and API answers carry the security headers", async ({ request }) => {
  const page = await request.get("/");
  const headers = page.headers();
  expect(headers["content-security-policy"]).toMatch(/default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // A fresh nonce on every page.
  const again = (await request.get("/")).headers()["content-security-policy"];
  expect(again).not.toBe(headers["content-security-policy"]);

  const api = (await request.get("/api/v1/reports")).headers();
  expect(api["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api["x-content-type-options"]).toBe("nosniff");
  expect(api["cache-control"]).toBe("no-store");
});
