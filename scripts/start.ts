// `npm start`: brings the database up to date (creating and seeding it on the
// first start), builds the app if there is no current build, then runs
// `next start`. `npm run dev` does the same with `next dev`.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { databaseConfig } from "../lib/db/config";
import { prepareDatabase } from "../lib/db/prepare";
import { createPrisma } from "../lib/db/client";
import { ensureFirstAdmin } from "../lib/auth/bootstrap";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const mode = process.argv[2] === "dev" ? "dev" : "start";

const SOURCES = ["app", "components", "lib", "next.config.js", "package-lock.json"];

function newestSourceTime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (entry === path.join("lib", "generated")) return 0;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestSourceTime(path.join(entry, name))));
}

/** A build is stale when any source file is newer than it. */
function needsBuild(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestSourceTime(source) > built);
}

async function main(): Promise<void> {
  const config = databaseConfig();
  const started = Date.now();
  const result = await prepareDatabase(config);
  const where = config.filePath ? path.relative(process.cwd(), config.filePath) || config.filePath : "PostgreSQL";
  if (result.created) console.log(`Created the database at ${where} and seeded the founding story.`);
  else if (result.applied.length) console.log(`Applied ${result.applied.length} migration(s) to ${where}.`);
  console.log(`Database ready (${config.provider}, ${where}) in ${Date.now() - started} ms.`);

  const db = createPrisma(config);
  const firstAdmin = await ensureFirstAdmin(db).finally(() => db.$disconnect());
  if (firstAdmin.kind === "created") console.log(`Created the first admin account, ${firstAdmin.email} (from ADMIN_EMAIL).`);
  else if (firstAdmin.kind === "instructions") console.log(`\n${firstAdmin.message}\n`);
  else if (firstAdmin.kind === "failed") throw new Error(firstAdmin.message);

  if (mode === "start" && needsBuild()) {
    console.log("No current build: running `next build` (about a minute the first time)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const child = spawn(process.execPath, [nextBin, mode, ...process.argv.slice(3)], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error: unknown) => {
  console.error("Could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
