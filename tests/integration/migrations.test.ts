// Given a new machine, when the app starts, then the database is created,
// migrated and seeded; later starts keep the data; a schema change becomes a
// migration that applies to a database that already holds rows. On SQLite and
// on PostgreSQL (TEST_DB=postgresql).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db/client";
import { applyMigrations, createMigration } from "@/lib/db/migrate";
import { prepareDatabase } from "@/lib/db/prepare";
import { TEST_PROVIDER, newDatabase } from "../helpers/db";

const provider = TEST_PROVIDER;
const migrationsDir = path.join("prisma", provider, "migrations");
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

function database() {
  const created = newDatabase(provider);
  const db = createPrisma(created.config);
  cleanups.push(async () => {
    await db.$disconnect();
    await created.remove();
  });
  return { config: created.config, db };
}

describe(`first start and later starts (${provider})`, () => {
  const { config, db } = database();

  it("creates the database, applies every migration and seeds it", async () => {
    const result = await prepareDatabase(config);
    expect(result.created).toBe(true);
    expect(result.seededReportId).toBe(1);
    const migrations = fs.readdirSync(migrationsDir).filter((f) => /^\d{14}_/.test(f));
    expect(result.applied).toEqual(migrations.sort());
  });

  it("records each migration as native Prisma would, with the sha256 of its SQL", async () => {
    const rows = await db.$queryRaw<Array<{ migration_name: string; checksum: string; finished_at: unknown }>>`
      SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(crypto.createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it.skipIf(provider !== "sqlite")("runs SQLite in WAL mode, so readers are not blocked by a writer", () => {
    const file = new Database(config.filePath!, { readonly: true });
    expect(file.pragma("journal_mode", { simple: true })).toBe("wal");
    file.close();
  });

  it("keeps the data on a later start and does not seed twice", async () => {
    await db.report.update({ where: { id: 1 }, data: { notes: "edited by an admin" } });
    // The app stops before it starts again (SQLite migrations need the file to themselves).
    await db.$disconnect();
    const result = await prepareDatabase(config);
    expect(result).toEqual({ applied: [], created: false, seededReportId: null });
    expect(await db.report.count()).toBe(1);
    expect((await db.report.findUniqueOrThrow({ where: { id: 1 } })).notes).toBe("edited by an admin");
    expect(await db.country.count()).toBe(250);
  });
});

describe(`a schema change (${provider})`, () => {
  // A copy of prisma/ stands in for the project, so the real one is untouched.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "crd-project-"));
  fs.cpSync("prisma", path.join(root, "prisma"), { recursive: true, verbatimSymlinks: true });
  cleanups.push(async () => fs.rmSync(root, { recursive: true, force: true }));
  const { config, db } = database();

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
    expect(fs.readFileSync(path.join(folder!, "migration.sql"), "utf8")).toContain("language");

    expect(await applyMigrations(config, root)).toEqual([path.basename(folder!)]);
    expect(await db.$queryRaw`SELECT "targetCountryCode", "language" FROM "Report" WHERE "id" = 1`).toEqual([
      { targetCountryCode: "EC", language: null },
    ]);
    expect(await db.observation.count()).toBe(5);
  });

  it("refuses a migration name that is not lower_snake_case", async () => {
    await expect(createMigration(config, "Add Thing", root)).rejects.toThrow(/lower_snake_case/);
  });
});

describe("the two providers' migrations", () => {
  it("are kept in step: the same migrations, by name, for SQLite and PostgreSQL", () => {
    const names = (p: string) => fs.readdirSync(path.join("prisma", p, "migrations")).filter((f) => /^\d{14}_/.test(f)).sort();
    expect(names("postgresql")).toEqual(names("sqlite"));
  });
});
