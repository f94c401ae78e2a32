// Given a running app, a backup is a consistent copy; restoring it brings back
// exactly what was there when it was taken.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "@/lib/db/backup";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { addReport } from "../helpers/reports";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crd-backup-"));
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const pgToolsMissing = spawnSync("pg_dump", ["--version"]).status !== 0;

describe.skipIf(process.env.TEST_DB === "postgresql" && pgToolsMissing)("backup and restore", () => {
  it("backs up while the app's connection is open, then restores what was there", async () => {
    const before = await addReport(t.db, { target: "PE", periodStart: "2022-01-01", observations: [{ count: 111 }] });
    const file = path.join(dir, "snapshot.bak");
    const summary = await backupDatabase(t.config, file);
    expect(summary.bytes).toBeGreaterThan(0);
    if ("reports" in summary) expect(summary.reports).toBe(2);

    const after = await addReport(t.db, { target: "CL", periodStart: "2023-01-01", observations: [{ count: 222 }] });
    await t.db.report.update({ where: { id: before.id }, data: { notes: "changed after the backup" } });

    await restoreDatabase(t.config, file);
    // The same connection, still open, now reads the restored data.
    expect(await t.db.report.findUnique({ where: { id: after.id } })).toBeNull();
    expect((await t.db.report.findUniqueOrThrow({ where: { id: before.id } })).notes).toBeNull();
    expect(await t.db.report.count()).toBe(2);
    expect((await t.db.observation.findFirstOrThrow({ where: { reportId: before.id } })).count).toBe(111n);
  });

  it("refuses to overwrite an existing file, or to restore something that is not a backup", async () => {
    const file = path.join(dir, "exists.bak");
    fs.writeFileSync(file, "not a database");
    await expect(backupDatabase(t.config, file)).rejects.toThrow(/already exists/);
    await expect(restoreDatabase(t.config, path.join(dir, "missing.bak"))).rejects.toThrow(/does not exist/);
    await expect(restoreDatabase(t.config, file)).rejects.toThrow();
    expect(await t.db.report.count()).toBe(2);
  });
});
