import fs from "node:fs";
import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

export interface DatabaseConfig {
  provider: DatabaseProvider;
  /** The URL as given, or the default. */
  url: string;
  /** SQLite only: the absolute path of the database file. */
  filePath?: string;
}

/** The embedded default: a SQLite file under data/ in the project. */
export const DEFAULT_DATABASE_URL = "file:./data/dashboard.db";

/**
 * Reads DATABASE_URL. `file:` (or nothing) selects SQLite; relative file paths are
 * resolved against the working directory, which is the project root for every
 * npm script and for `next start`.
 */
export function databaseConfig(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DatabaseConfig {
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
    return { provider: "postgresql", url };
  }
  if (url.startsWith("file:")) {
    const rest = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    const filePath = path.resolve(rest.split("?")[0]);
    return { provider: "sqlite", url, filePath };
  }
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got "${url.split(":")[0]}:…"`,
  );
}

export function ensureSqliteDirectory(config: DatabaseConfig): void {
  if (config.filePath) fs.mkdirSync(path.dirname(config.filePath), { recursive: true });
}
