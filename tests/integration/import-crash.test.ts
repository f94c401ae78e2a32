// Given a process importing a large CSV file, when it is killed with SIGKILL
// inside pass 2's transaction, then the database opens cleanly (SQLite:
// integrity_check ok), holds none of the import, takes writes again, and the
// job left "writing" is marked interrupted. (The same against the built app
// over HTTP, many times: `npx tsx reliability/crash.ts`.)
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTransaction } from "@/lib/db/transaction";
import { INTERRUPTED_MESSAGE, markInterruptedImports, spoolPrefix } from "@/lib/import/progress";
import { writeImportFile } from "@/reliability/import-file";
import { freshDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
let dir: string;
let file: string;
const previousStale = process.env.IMPORT_STALE_SECONDS;
beforeAll(async () => {
  t = await freshDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "crd-crash-test-"));
  file = path.join(dir, "import.csv");
  await writeImportFile(file, 4000);
  process.env.IMPORT_STALE_SECONDS = "0.5";
});
afterAll(async () => {
  if (previousStale === undefined) delete process.env.IMPORT_STALE_SECONDS;
  else process.env.IMPORT_STALE_SECONDS = previousStale;
  fs.rmSync(dir, { recursive: true, force: true });
  await t.cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function counts() {
  return Promise.all([t.db.report.count(), t.db.observation.count(), t.db.citation.count(), t.db.auditEntry.count()]);
}

describe("an import killed in the middle of its transaction", () => {
  it("leaves no trace but an interrupted job, in a database that opens cleanly and takes writes", { timeout: 120_000 }, async () => {
    const before = await counts();
    const importId = crypto.randomUUID();
    const child = spawn(process.execPath, ["--import", "tsx", path.join("tests", "fixtures", "import-child.ts"), file, importId], {
      env: { ...process.env, DATABASE_URL: t.config.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));

    // Wait for pass 2, let it write for a moment, then kill exactly this child.
    const deadline = Date.now() + 90_000;
    let status: string | undefined;
    while (status !== "writing") {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the import ended before pass 2 was seen (${status}): ${output}`);
      status = (await t.db.importJob.findUnique({ where: { id: importId } }))?.status;
      await sleep(20);
    }
    await sleep(100 + Math.random() * 250);
    child.kill("SIGKILL");
    expect(await exited, `the import finished before the kill; make the file larger: ${output}`).toEqual({ code: null, signal: "SIGKILL" });

    if (t.config.filePath) {
      const file = new Database(t.config.filePath);
      expect(file.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(file.pragma("foreign_key_check")).toEqual([]);
      file.close();
    }
    // All or nothing: nothing.
    expect(await counts()).toEqual(before);
    expect(await t.db.importJob.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({ status: "writing" });

    // No lock was left behind: the next write goes through.
    await writeTransaction((tx) => tx.event.create({ data: { date: "2020-02-02", label: "after the crash" } }));

    // The copy of the upload kept for pass 2 is still there…
    const spools = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(path.basename(spoolPrefix(importId))));
    expect(spools()).toHaveLength(1);

    // …until, its heartbeat stale, the job is marked interrupted and the copy removed.
    await sleep(600);
    expect(await markInterruptedImports()).toEqual([importId]);
    expect(await t.db.importJob.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({ status: "failed", message: INTERRUPTED_MESSAGE });
    expect(spools()).toEqual([]);
  });
});
