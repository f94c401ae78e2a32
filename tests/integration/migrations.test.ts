// Given a new machine, when the app starts, then the database file is created,
// migrated and seeded; later starts keep the data; schema changes become
// migrations that apply to a database that already holds rows.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { databaseConfig } from "@/lib/db/config";
import { applyMigrations, createMigration } from "@/lib/db/migrate";
import { prepareDatabase } from "@/lib/db/prepare";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crd-migrations-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function sqlite(file: string) {
  return new Database(file, { readonly: true });
}

describe("first start and later starts", () => {
  const file = path.join(dir, "nested", "folder", "app.db");
  const config = databaseConfig(`file:${file}`);

  it("creates the file (and its folder), applies every migration and seeds it", async () => {
    const result = await prepareDatabase(config);
    expect(fs.existsSync(file)).toBe(true);
    expect(result.created).toBe(true);
    expect(result.seededReportId).toBe(1);
    const migrations = fs.readdirSync(path.join("prisma", "sqlite", "migrations")).filter((f) => /^\d{14}_/.test(f));
    expect(result.applied).toEqual(migrations.sort());
  });

  it("records each migration as native Prisma would, with the sha256 of its SQL", () => {
    const db = sqlite(file);
    const rows = db.prepare(`SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`).all() as Array<{
      migration_name: string;
      checksum: string;
      finished_at: string | null;
    }>;
    db.close();
    for (const row of rows) {
      const sql = fs.readFileSync(path.join("prisma", "sqlite", "migrations", row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(crypto.createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("runs in WAL mode, so readers are not blocked by a writer", () => {
    const db = sqlite(file);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("keeps the data on a later start and does not seed twice", async () => {
    const writable = new Database(file);
    writable.prepare(`UPDATE "Report" SET notes = 'edited by an admin' WHERE id = 1`).run();
    writable.close();
    const result = await prepareDatabase(config);
    expect(result).toEqual({ applied: [], created: false, seededReportId: null });
    const db = sqlite(file);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "Report"`).get()).toEqual({ n: 1 });
    expect(db.prepare(`SELECT notes FROM "Report" WHERE id = 1`).get()).toEqual({ notes: "edited by an admin" });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "Country"`).get()).toEqual({ n: 250 });
    db.close();
  });
});

describe("a schema change", () => {
  // A copy of prisma/ stands in for the project, so the real one is untouched.
  const root = path.join(dir, "project");
  fs.cpSync("prisma", path.join(root, "prisma"), { recursive: true, verbatimSymlinks: true });
  const file = path.join(dir, "change.db");
  const config = databaseConfig(`file:${file}`);

  it("creates no migration when nothing changed", async () => {
    await prepareDatabase(config, { root });
    expect(await createMigration(config, "nothing", root)).toBeNull();
  });

  it("becomes a migration that applies to a database holding rows, keeping them", async () => {
    const models = path.join(root, "prisma", "models", "reports.prisma");
    fs.writeFileSync(
      models,
      fs.readFileSync(models, "utf8").replace("  notes             String?\n", "  notes             String?\n  language          String?\n"),
    );
    const folder = await createMigration(config, "add_report_language", root);
    expect(folder).toMatch(/\d{14}_add_report_language$/);
    const sql = fs.readFileSync(path.join(folder!, "migration.sql"), "utf8");
    expect(sql).toContain("language");

    expect(await applyMigrations(config, root)).toEqual([path.basename(folder!)]);
    const db = sqlite(file);
    expect(db.prepare(`SELECT targetCountryCode, language FROM "Report" WHERE id = 1`).get()).toEqual({
      targetCountryCode: "EC",
      language: null,
    });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "Observation"`).get()).toEqual({ n: 5 });
    db.close();
  });

  it("refuses a migration name that is not lower_snake_case", async () => {
    await expect(createMigration(config, "Add Thing", root)).rejects.toThrow(/lower_snake_case/);
  });
});
