// Given the app's writes on SQLite, when readers and other writers run during
// a write transaction, then readers never see its uncommitted rows, and a
// transaction that reads before it writes is not failed by a commit that
// slipped in between (it holds the write lock from its first statement).
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { writeTransaction } from "@/lib/db/transaction";
import { freshDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.cleanup());

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("write transactions", () => {
  it("are invisible to readers until they commit, and gone if they roll back", async () => {
    const inside = gate();
    const finish = gate();
    const write = writeTransaction(async (tx) => {
      await tx.event.create({ data: { date: "2020-01-01", label: "uncommitted" } });
      inside.open();
      await finish.opened;
      throw new Error("roll back");
    }).catch((error: Error) => error.message);
    await inside.opened;
    expect(await getPrisma().event.count({ where: { label: "uncommitted" } })).toBe(0);
    finish.open();
    expect(await write).toBe("roll back");
    expect(await getPrisma().event.count({ where: { label: "uncommitted" } })).toBe(0);
  });

  it("queue other writes of this process behind them, without freezing it", async () => {
    const afterRead = gate();
    const release = gate();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const first = writeTransaction(async (tx) => {
      await tx.event.count();
      afterRead.open();
      await release.opened;
      return tx.event.create({ data: { date: "2020-01-02", label: "first" } });
    });
    await afterRead.opened;
    // A sign-in, a token's bookkeeping, an import's progress: writes that arrive meanwhile wait their turn.
    const second = writeTransaction((tx) => tx.event.create({ data: { date: "2020-01-03", label: "second" } }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    release.open();
    await expect(first).resolves.toMatchObject({ label: "first" });
    await expect(second).resolves.toMatchObject({ label: "second" });
    clearInterval(timer);
    // The event loop kept turning while the second write waited (better-sqlite3 would have blocked it).
    expect(ticks).toBeGreaterThan(10);
  });

  // SQLITE_BUSY_SNAPSHOT is SQLite's; PostgreSQL's row locks need no such care.
  it.skipIf(t === undefined ? process.env.TEST_DB === "postgresql" : false)("that read first and write later are not failed by another process committing in between", async () => {
    const afterRead = gate();
    const childStarted = gate();
    const holder: { child?: Promise<{ code: number | null; output: string }> } = {};
    const transaction = writeTransaction(async (tx) => {
      await tx.event.count();
      afterRead.open();
      await childStarted.opened;
      // Another app instance on the same file writes now; give it every chance to commit before we write.
      await Promise.race([holder.child, new Promise((resolve) => setTimeout(resolve, 1500))]);
      return tx.event.create({ data: { date: "2020-01-04", label: "from the transaction" } });
    });
    await afterRead.opened;
    holder.child = new Promise((resolve) => {
      const script = `
        const Database = require("better-sqlite3");
        const db = new Database(${JSON.stringify(t.config.filePath)}, { timeout: 10000 });
        const now = new Date().toISOString();
        db.prepare('INSERT INTO "Event" ("date", "label", "createdAt", "updatedAt") VALUES (?, ?, ?, ?)').run("2020-01-05", "from another process", now, now);
        console.log("written");`;
      const process_ = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      process_.stdout.on("data", (chunk) => (output += chunk));
      process_.stderr.on("data", (chunk) => (output += chunk));
      process_.on("exit", (code) => resolve({ code, output }));
    });
    const child = holder.child;
    childStarted.open();
    await expect(transaction).resolves.toMatchObject({ label: "from the transaction" });
    // The other process waited for our lock, then wrote.
    expect(await child).toMatchObject({ code: 0, output: "written\n" });
    expect(await getPrisma().event.count({ where: { label: { in: ["from the transaction", "from another process"] } } })).toBe(2);
  });
});
