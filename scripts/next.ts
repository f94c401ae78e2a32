// Running Next.js from our scripts: a production build made only when there is
// none or a source file is newer than it, and the Node options of the server.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
export const nextBin = require.resolve("next/dist/bin/next");
/** The production server: Next.js behind the edge that sets the client address. */
export const serveScript = fileURLToPath(new URL("./serve.mjs", import.meta.url));

const SOURCES = ["app", "components", "lib", "instrumentation.ts", "next.config.js", "package-lock.json"];

function newestSourceTime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (entry === path.join("lib", "generated")) return 0;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestSourceTime(path.join(entry, name))));
}

export function needsBuild(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestSourceTime(source) > built);
}

export function buildIfNeeded(): void {
  if (!needsBuild()) return;
  console.log("No current build: running `next build` (about a minute the first time)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/**
 * Node options for the production server. A bounded heap makes V8 collect
 * garbage before the process grows large: the app streams exports and
 * imports, so it never needs much at once. APP_MAX_HEAP_MB overrides the
 * bound (MiB).
 */
export function serverNodeArgs(): string[] {
  return [`--max-old-space-size=${Number(process.env.APP_MAX_HEAP_MB) || 256}`];
}
