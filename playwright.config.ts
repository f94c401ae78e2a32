// End-to-end tests: the built app (`next start` through `npm start`'s script)
// on fresh SQLite files, driven in a real Chromium.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

function freePort(): number {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ["-e", script]).toString().trim());
}

// Playwright loads this file in several processes; the first one decides and
// passes its choices on through the environment.
process.env.E2E_PORT ??= String(freePort());
process.env.E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "crd-e2e-"));
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;
// A second instance with PUBLIC_READ=false, on its own database (tests/e2e/closed.spec.ts).
process.env.E2E_CLOSED_PORT ??= String(freePort());
const closedPort = Number(process.env.E2E_CLOSED_PORT);
// A third for the analyst's dashboard: its database holds the seed alone, whatever the admin tests enter.
process.env.E2E_READ_PORT ??= String(freePort());
const readPort = Number(process.env.E2E_READ_PORT);
// The first admin is created at start from these, as README describes.
export const E2E_ADMIN = { email: "admin@example.org", password: "e2e admin password" };

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const chromium = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1280, height: 900 },
  launchOptions: {
    executablePath: fs.existsSync(chromiumPath) ? chromiumPath : undefined,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};

function server(serverPort: number, database: string, env: Record<string, string> = {}) {
  return {
    command: "npx tsx scripts/start.ts start -H 127.0.0.1",
    url: `http://127.0.0.1:${serverPort}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    env: {
      PORT: String(serverPort),
      DATABASE_URL: `file:${path.join(process.env.E2E_DIR!, database)}`,
      NEXT_TELEMETRY_DISABLED: "1",
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      ...env,
    },
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  globalTeardown: "./tests/e2e/global-teardown.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "dashboard", testMatch: ["dashboard.spec.ts", "dashboard-honesty.spec.ts"], use: { ...chromium, baseURL: `http://127.0.0.1:${readPort}` } },
    { name: "chromium", testIgnore: ["dashboard.spec.ts", "dashboard-honesty.spec.ts", "two-instances.spec.ts"], use: chromium },
    // Starts its own two instances on a PostgreSQL database (TEST_DATABASE_URL).
    { name: "postgresql", testMatch: "two-instances.spec.ts", timeout: 300_000 },
  ],
  // Started one after the other, so only the first can ever need to build.
  webServer: [
    server(port, "e2e.db"),
    server(closedPort, "closed.db", { PUBLIC_READ: "false" }),
    server(readPort, "read.db"),
  ],
});
