// Given an operator's machine with other local users, when the app creates its
// SQLite database, writes to it, and an operator takes a backup, then the
// database, its WAL and shared-memory files and the backup are readable by
// their owner only (0600): each holds the sessions and, unless
// BETTER_AUTH_SECRET is set, the cookie secret. A file an older version left
// at 0644 is narrowed when the app opens it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backupDatabase } from "@/lib/db/backup";
import { createPrisma } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare";
import { authSecret } from "@/lib/auth/auth";
import { freshDatabase, TEST_PROVIDER } from "../helpers/db";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crd-modes-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);
const pgToolsMissing = spawnSync("pg_dump", ["--version"]).status !== 0;

describe.skipIf(TEST_PROVIDER !== "sqlite")("the SQLite database", () => {
  it("is created 0600, and so are its WAL and shared-memory files while the app writes", async () => {
    const file = path.join(dir, "new.db");
    const config = { provider: "sqlite" as const, url: `file:${file}`, filePath: file };
    await prepareDatabase(config);
    expect(mode(file)).toBe("600");
    const db = createPrisma(config);
    try {
      await authSecret(db, db); // the cookie secret, written as on the first sign-in
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
      expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual(["600", "600", "600"]);
    } finally {
      await db.$disconnect();
    }
  });

  it("left readable by everyone by an older version, is narrowed to 0600 when the app opens it", async () => {
    const file = path.join(dir, "old.db");
    const config = { provider: "sqlite" as const, url: `file:${file}`, filePath: file };
    await prepareDatabase(config);
    fs.chmodSync(file, 0o644);
    const db = createPrisma(config);
    try {
      await db.report.count();
      expect(mode(file)).toBe("600");
    } finally {
      await db.$disconnect();
    }
  });
});

describe.skipIf(TEST_PROVIDER === "postgresql" && pgToolsMissing)("a backup", () => {
  it("is written 0600, whatever the umask allows", async () => {
    const t = await freshDatabase();
    const previous = process.umask(0o022);
    try {
      const file = path.join(dir, `backup-${TEST_PROVIDER}.bak`);
      await backupDatabase(t.config, file);
      expect(fs.statSync(file).size).toBeGreaterThan(0);
      expect(mode(file)).toBe("600");
    } finally {
      process.umask(previous);
      await t.cleanup();
    }
  });
});
