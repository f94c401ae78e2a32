// What the concurrency and crash parts share: the built app as a separate
// server process (its own process group, so a SIGKILL reaches it and any
// child it has, and nothing else), throwaway databases, admin tokens, and
// printing rows.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApiToken, createUser } from "../lib/writes/accounts";
import { CLI_ACTOR } from "../lib/audit/record";
import { resetPrisma } from "../lib/db/client";
import { databaseConfig } from "../lib/db/config";
import { prepareDatabase } from "../lib/db/prepare";
import { dropDatabase, withDatabase } from "../lib/db/postgres";
import { freePort } from "../bench/server";
import { buildIfNeeded, nextBin, serverNodeArgs } from "../scripts/next";
import type { ReliabilityRow } from "./types";

export interface ServerProcess {
  url: string;
  pid: number;
  /** SIGKILL the server's whole process group (the server and any child of it); resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM, as an operator would stop it. */
  stop(): Promise<void>;
  stderr(): string;
}

/** `next start` of the built app on a free port, as `npm start` runs it, in a process group of its own. */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...serverNodeArgs(), nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr = (stderr + String(chunk)).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal); // the group this spawn created: exactly our server and its children
    } catch {
      // already gone
    }
  };
  const server: ServerProcess = {
    url,
    pid: child.pid!,
    async kill() {
      signalGroup("SIGKILL");
      await exited;
    },
    async stop() {
      signalGroup("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      signalGroup("SIGKILL");
      await exited;
    },
    stderr: () => stderr,
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`next start exited: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`next start did not answer within 90 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return server;
}

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

export function printRows(rows: readonly ReliabilityRow[]): void {
  const cells = rows.map((r) => [r.part, r.metric, String(r.value), r.target ?? "", r.ok ? "ok" : "FAIL"]);
  const header = ["part", "metric", "value", "target", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const c of cells) console.log(line(c));
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
