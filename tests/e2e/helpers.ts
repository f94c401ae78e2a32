// What the end-to-end tests share: accounts made with the README's commands,
// signing in through the form, and a watch on the browser console for
// Content-Security-Policy violations and script errors.
import { execFileSync } from "node:child_process";
import path from "node:path";
import fs from "node:fs";
import { expect, type Browser, type Page } from "@playwright/test";

import { E2E_ADMIN } from "../../playwright.config";

/** The admin `npm start` created from ADMIN_EMAIL and ADMIN_PASSWORD (see playwright.config.ts). */
export const ADMIN = E2E_ADMIN;
export const E2E_DB = () => `file:${path.join(process.env.E2E_DIR!, "e2e.db")}`;

/** `npm run user:create -- --email … --role …`, password from USER_PASSWORD, as an operator would. */
export function createUser(email: string, role: "admin" | "analyst", password = "e2e user password"): { email: string; password: string } {
  execFileSync("npx", ["tsx", "scripts/accounts.ts", "user:create", "--email", email, "--role", role], {
    env: { ...process.env, DATABASE_URL: E2E_DB(), USER_PASSWORD: password },
    stdio: "pipe",
  });
  return { email, password };
}

/** `npm run token:create`: the token is the last line of its output. */
export function createToken(email: string, name: string): string {
  const output = execFileSync("npx", ["tsx", "scripts/accounts.ts", "token:create", "--email", email, "--name", name], {
    env: { ...process.env, DATABASE_URL: E2E_DB() },
    encoding: "utf8",
  });
  return output.trim().split("\n").at(-1)!;
}

export async function signIn(page: Page, account: { email: string; password: string }, next = "/") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === next);
}

/**
 * A signed-in browser for an account, signing in through the form only the
 * first time: sign-in is rate-limited per address, as it should be, and a
 * test run from one address is many people signing in within a minute.
 */
export async function pageAs(browser: Browser, account: { email: string; password: string }): Promise<Page> {
  const file = path.join(process.env.E2E_DIR!, `session-${account.email}.json`);
  if (!fs.existsSync(file)) {
    const context = await browser.newContext();
    await signIn(await context.newPage(), account, "/");
    await context.storageState({ path: file });
    await context.close();
  }
  const context = await browser.newContext({ storageState: file });
  return context.newPage();
}

/** Collects what the console says about blocked content or broken scripts; a test ends by asserting it is empty. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (execute|load|apply)|Hydration|hydrat/i.test(text)) problems.push(text);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

export async function pickFromCombobox(page: Page, name: string | RegExp, text: string, option?: RegExp) {
  const box = page.getByRole("combobox", { name });
  await box.fill(text);
  // Options from the server arrive after a short pause: wait for the one we want before pressing Enter.
  if (option) await expect(page.getByRole("option", { name: option }).first()).toBeVisible();
  await box.press("Enter");
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: `tests/output/${name}.png`, fullPage: true });
