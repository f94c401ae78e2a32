// Given a link to /sign-in whose `next` an attacker wrote, when a signed-in
// visitor opens it (the server redirects, 307) or a visitor signs in through
// the form (the browser navigates), then they stay on this site — and no
// `next` value makes the server answer 500.
import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./helpers";

// As they appear in a link: already percent-encoded where a browser would send them so.
const ATTACKS = [
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%0d/evil.example",
  "/x%0d%0aSet-Cookie:%20a=b",
  "/%E2%82%AC%D0%9A",
  "/reports?q=%F0%9F%98%80",
  "//evil.example",
  "/%5C/evil.example",
  "%5C%5Cevil.example",
  "https://evil.example/",
  "javascript:alert(1)",
];

test("a signed-in visitor is redirected only to paths on this site, and never gets a 500", async ({ page, baseURL }) => {
  await signIn(page, ADMIN, "/admin");
  const origin = new URL(baseURL!).origin;
  for (const next of ATTACKS) {
    const response = await page.request.get(`/sign-in?next=${next}`, { maxRedirects: 0 });
    expect(response.status(), next).toBe(307);
    const location = response.headers()["location"];
    expect(new URL(location, baseURL).origin, `${next} → ${location}`).toBe(origin);
  }
  // A good `next` is still honoured.
  const kept = await page.request.get("/sign-in?next=/reports/1%3Fa=1", { maxRedirects: 0 });
  expect(kept.headers()["location"]).toBe("/reports/1?a=1");
});

test("a visitor who signs in on a link with a tab-prefixed next lands on this site", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  await page.goto("/sign-in?next=/%09/evil.example");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  const navigated = page.waitForURL((url) => url.pathname === "/" || url.origin !== origin);
  await page.getByRole("button", { name: "Sign in" }).click();
  await navigated;
  expect(new URL(page.url()).origin).toBe(origin);
});
