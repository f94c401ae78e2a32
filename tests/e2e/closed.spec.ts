// Given an instance started with PUBLIC_READ=false, when someone who is not
// signed in opens a page or the API, then the page sends them to sign in and
// the API answers 401; after signing in, everything reads as usual.
import { expect, test } from "@playwright/test";
import { ADMIN, screenshot, signIn, watchConsole } from "./helpers";

const closed = `http://127.0.0.1:${process.env.E2E_CLOSED_PORT}`;
test.use({ baseURL: closed });

test("pages send anonymous visitors to sign in, the API answers 401, health stays open", async ({ page, request }) => {
  const problems = watchConsole(page);
  await page.goto("/");
  expect(new URL(page.url()).pathname).toBe("/sign-in");
  await expect(page.getByText("This dashboard is not public")).toBeVisible();
  await screenshot(page, "closed-sign-in");

  const api = await request.get("/api/v1/reports");
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe("unauthorized");
  expect((await request.get("/api/v1/reports/1")).status()).toBe(401);
  expect((await request.get("/api/health")).status()).toBe(200);
  expect((await request.get("/api/v1/reports", { headers: { cookie: "__Secure-better-auth.session_token=forged.value" } })).status()).toBe(401);

  await signIn(page, ADMIN, "/");
  await expect(page.getByRole("heading", { level: 2, name: "Reported figures over time" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ecuador: > 40,000,000 cyberattacks" })).toBeVisible();
  expect((await page.request.get("/api/v1/reports")).status()).toBe(200);
  expect(problems).toEqual([]);
});
