// `npm start`: brings the database up to date (creating and seeding it on the
// first start), builds the app if there is no current build, then runs
// the production server (scripts/serve.mjs: `next start` behind an edge that
// sets the client address). `npm run dev` does the same with `next dev`.
import { spawn } from "node:child_process";
import path from "node:path";
import { databaseConfig } from "../lib/db/config";
import { prepareDatabase } from "../lib/db/prepare";
import { createPrisma } from "../lib/db/client";
import { ensureFirstAdmin } from "../lib/auth/bootstrap";
import { buildIfNeeded, nextBin, serveScript, serverNodeArgs } from "./next";

const mode = process.argv[2] === "dev" ? "dev" : "start";

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

  if (mode === "start") buildIfNeeded();

  const nodeArgs = mode === "start" ? serverNodeArgs() : [];
  // Production runs behind the edge that sets the client address (scripts/serve.mjs).
  const command = mode === "start" ? [serveScript] : [nextBin, mode];
  const child = spawn(process.execPath, [...nodeArgs, ...command, ...process.argv.slice(3)], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error: unknown) => {
  console.error("Could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
