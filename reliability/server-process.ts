// What the reliability parts share: the built app as a separate server
// process (bench/server.ts: its own process group, so a SIGKILL reaches it and
// any child it has, and nothing else), throwaway databases, admin tokens, rows,
// and running a part alone.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApiToken, createUser } from "../lib/writes/accounts";
import { CLI_ACTOR } from "../lib/audit/record";
import { resetPrisma } from "../lib/db/client";
import { databaseConfig } from "../lib/db/config";
import { prepareDatabase } from "../lib/db/prepare";
import { dropDatabase, withDatabase } from "../lib/db/postgres";
import { printRows } from "./table";
import { buildIfNeeded } from "../scripts/next";
import type { ReliabilityRow } from "./types";

/** The built app as a separate server process: the benchmark's (bench/server.ts). */
export { startApp as startServer, type RunningApp as ServerProcess } from "../bench/server";

export function ensureBuilt(): void {
  buildIfNeeded();
}

export interface Target {
  label: "SQLite" | "PostgreSQL";
  url: string;
  /** SQLite only: the database file. */
  filePath?: string;
  remove(): Promise<void>;
}

/** A new, migrated database (not seeded with the founding story unless asked). */
export async function newTarget(label: Target["label"], postgresServer: string | null, options: { seed?: boolean } = {}): Promise<Target> {
  let target: Target;
  if (label === "PostgreSQL") {
    const name = `crd_rel_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
    target = { label, url: withDatabase(postgresServer!, name), remove: () => dropDatabase(postgresServer!, name) };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crd-rel-"));
    const filePath = path.join(dir, "app.db");
    target = { label, url: `file:${filePath}`, filePath, remove: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  await prepareDatabase(databaseConfig(target.url), { seed: options.seed ?? false });
  return target;
}

/** Admin accounts with an API token each, made as `npm run user:create` / `token:create` do. */
export async function makeAdmins(databaseUrl: string, count: number): Promise<Array<{ email: string; token: string }>> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  await resetPrisma();
  try {
    const admins: Array<{ email: string; token: string }> = [];
    for (let i = 0; i < count; i++) {
      const email = `editor-${i}@example.org`;
      const user = await createUser(CLI_ACTOR, { email, role: "admin", password: "a reliability password, long enough" });
      if (!user.ok) throw new Error(user.error.message);
      const token = await createApiToken(CLI_ACTOR, { name: "reliability", email });
      if (!token.ok) throw new Error(token.error.message);
      admins.push({ email, token: token.value.token });
    }
    return admins;
  } finally {
    await resetPrisma();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}

export function row(part: string, metric: string, value: number | string, target?: string, ok = true): ReliabilityRow {
  return target === undefined ? { part, metric, value, ok } : { part, metric, value, target, ok };
}

/** A row whose value must equal `expected`. */
export function mustBe(part: string, metric: string, value: number, expected = 0): ReliabilityRow {
  return { part, metric, value, target: String(expected), ok: value === expected };
}

/** `npx tsx reliability/<part>.ts [--quick]`: runs the part and prints its rows; exits 1 if any misses its target. */
export async function runAlone(part: (options: { quick: boolean; postgresUrl: string | null }) => Promise<ReliabilityRow[]>): Promise<void> {
  const quick = process.argv.includes("--quick");
  const postgresUrl = process.env.RELIABILITY_POSTGRES_URL ?? process.env.TEST_DATABASE_URL ?? null;
  const rows = await part({ quick, postgresUrl });
  printRows(rows);
  process.exit(rows.every((r) => r.ok) ? 0 : 1);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
