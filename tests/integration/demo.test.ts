// Given `npm run db:demo`, the synthetic dataset is the same on every machine
// for the same seed, and every synthetic report says it is synthetic.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { databaseConfig } from "@/lib/db/config";
import { prepareDatabase } from "@/lib/db/prepare";
import { DEFAULT_DEMO_OPTIONS } from "@/lib/demo/generate";
import { writeDemoToSqlite } from "@/lib/demo/write-sqlite";
import { TEST_PROVIDER } from "../helpers/db";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crd-demo-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function demo(name: string, seed: number) {
  const file = path.join(dir, `${name}.db`);
  await prepareDatabase(databaseConfig(`file:${file}`));
  const result = writeDemoToSqlite(file, { ...DEFAULT_DEMO_OPTIONS, reports: 300, seed });
  const db = new Database(file, { readonly: true });
  const dump = (sql: string) => JSON.stringify(db.prepare(sql).all());
  const content = [
    dump(`SELECT id, targetCountryCode, metric, periodStart, periodEnd, statedOn, status, synthetic FROM "Report" ORDER BY id`),
    dump(`SELECT reportId, count, qualifier, periodStart, periodEnd, scopeType, scopeCountryCode, scopeRegionCode FROM "Observation" ORDER BY id`),
    dump(`SELECT reportId, outletId, kind, takenFromId FROM "Citation" ORDER BY id`),
  ].join("\n");
  const stats = db
    .prepare(
      `SELECT SUM(synthetic) AS synthetic, COUNT(*) AS reports,
              SUM(CASE WHEN synthetic = 1 AND notes LIKE 'Synthetic demo data%' THEN 1 ELSE 0 END) AS labelled
         FROM "Report"`,
    )
    .get();
  const speakers = db.prepare(`SELECT COUNT(*) AS n FROM "Speaker" WHERE name IS NOT NULL AND name NOT LIKE 'Synthetic%' `).get();
  db.close();
  return { result, content, stats, speakers };
}

// The demo writer fills SQLite files; it is checked once, on SQLite.
describe.skipIf(TEST_PROVIDER !== "sqlite")("the synthetic demo dataset", () => {
  it("is identical for the same seed and different for another", async () => {
    const a = await demo("a", 7);
    const b = await demo("b", 7);
    const c = await demo("c", 8);
    expect(a.content).toBe(b.content);
    expect(a.content).not.toBe(c.content);
    expect(a.result.reports).toBe(300);
    expect(a.result.observations).toBeGreaterThan(300 * 5);
  });

  it("flags and labels every synthetic report, beside the real founding story", async () => {
    const { stats, speakers } = await demo("d", 9);
    expect(stats).toEqual({ synthetic: 300, reports: 301, labelled: 300 });
    // The only named speaker that is not synthetic is the founding story's Javier Jara.
    expect(speakers).toEqual({ n: 1 });
  });
});

// `npm run db:demo` honours DATABASE_URL like every db: command; --database still wins.
// Before, it ignored DATABASE_URL and wrote data/demo.db.
describe.skipIf(TEST_PROVIDER !== "sqlite")("where npm run db:demo writes", () => {
  const run = (args: string[], databaseUrl: string) =>
    execFileSync(path.join("node_modules", ".bin", "tsx"), ["scripts/demo.ts", "--reports", "3", ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });

  it("writes to DATABASE_URL when no --database is given", () => {
    const file = path.join(dir, "from-env.db");
    const output = run([], `file:${file}`);
    expect(output).toContain(file);
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "Report" WHERE synthetic = 1`).get()).toEqual({ n: 3 });
    db.close();
  });

  it("--force recreates a demo file but refuses a database people use (accounts or recorded changes)", () => {
    const demo = path.join(dir, "again.db");
    run([], `file:${demo}`);
    expect(run(["--force"], `file:${demo}`)).toContain(demo);
    const used = new Database(demo);
    used.prepare(`INSERT INTO "AuditEntry" (via, action, entityType, entityId, changes) VALUES ('api', 'create', 'report', '1', '{}')`).run();
    used.close();
    expect(() => run(["--force"], `file:${demo}`)).toThrow(/is not a db:demo file \(0 accounts, 1 recorded changes\)/);
    const kept = new Database(demo, { readonly: true });
    expect(kept.prepare(`SELECT COUNT(*) AS n FROM "AuditEntry"`).get()).toEqual({ n: 1 });
    kept.close();
  });

  it("writes to --database when both are given", () => {
    const fromEnv = path.join(dir, "env-loses.db");
    const fromFlag = path.join(dir, "flag-wins.db");
    run(["--database", `file:${fromFlag}`], `file:${fromEnv}`);
    expect(fs.existsSync(fromFlag)).toBe(true);
    expect(fs.existsSync(fromEnv)).toBe(false);
  });
});
