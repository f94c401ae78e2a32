// Backups that can be taken while the app runs, and restores.
// SQLite: SQLite's online backup API (through better-sqlite3) copies a
// consistent snapshot page by page, without stopping writers for long.
// PostgreSQL: pg_dump (custom format) and pg_restore, which must be installed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { DatabaseConfig } from "./config";
import { createPrivateFile } from "./file-mode";

export interface BackupSummary {
  file: string;
  bytes: number;
  reports: number;
  migrations: string[];
}

function summarise(file: string): BackupSummary {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`${file} failed SQLite's integrity check: ${String(integrity)}`);
    const hasMigrations = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!hasMigrations) throw new Error(`${file} is a SQLite file, but not a database of this app (no _prisma_migrations table).`);
    const migrations = (
      db.prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`).all() as Array<{
        migration_name: string;
      }>
    ).map((row) => row.migration_name);
    const { n } = db.prepare(`SELECT COUNT(*) AS n FROM "Report"`).get() as { n: number };
    return { file, bytes: fs.statSync(file).size, reports: n, migrations };
  } finally {
    db.close();
  }
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "pipe"], encoding: "utf8" });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error(`${command} is not installed. On Debian: apt-get install postgresql-client`);
  }
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.trim()}`);
}

export async function backupDatabase(config: DatabaseConfig, target: string): Promise<BackupSummary | { file: string; bytes: number }> {
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new Error(`${file} already exists; choose a new file name.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // A backup is a credential (it holds the sessions and, unless BETTER_AUTH_SECRET is set, the cookie secret): owner-only from its first byte.
  createPrivateFile(file);
  try {
    if (config.provider === "postgresql") {
      run("pg_dump", ["--format=custom", "--no-owner", "--file", file, config.url]);
      return { file, bytes: fs.statSync(file).size };
    }
    const source = new Database(config.filePath!, { readonly: true, fileMustExist: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
    return summarise(file);
  } catch (error) {
    fs.rmSync(file, { force: true }); // an empty or partial file would only block the next try
    throw error;
  }
}

/**
 * Replaces the database's contents with a backup's. On SQLite the copy goes
 * through the backup API into the live file, so connections that stay open
 * see the restored data; migrations newer than the backup are applied by the
 * next `npm start` or `npm run db:deploy`.
 */
export async function restoreDatabase(config: DatabaseConfig, source: string): Promise<BackupSummary | { file: string }> {
  const file = path.resolve(source);
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist.`);
  if (config.provider === "postgresql") {
    run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", config.url, file]);
    return { file };
  }
  const summary = summarise(file); // refuse anything that is not a sound backup of this app
  const backup = new Database(file, { readonly: true });
  try {
    await backup.backup(config.filePath!);
  } finally {
    backup.close();
  }
  return summary;
}
