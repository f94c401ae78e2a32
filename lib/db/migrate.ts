import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ensureSqliteDirectory, type DatabaseConfig } from "./config";
import { ensureDatabase } from "./postgres";
import { NO_FILTER, migrationsDir, openSchemaEngine, readMigrations, schemaFiles, type ProjectRoot } from "./schema-engine";

// The native engine's DDL for its bookkeeping table. The wasm engine does not
// create it on a fresh SQLite file (it reports P1014 instead), so we do.
const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Opens (creating if needed) the SQLite file, switches it to WAL and creates the migrations table. */
export function initialiseSqliteFile(config: DatabaseConfig): void {
  ensureSqliteDirectory(config);
  const db = new Database(config.filePath!);
  try {
    // WAL lets readers (the dashboard) run while a writer (an import) commits.
    // The mode is stored in the file, so every later connection uses it.
    db.pragma("journal_mode = WAL");
    db.exec(SQLITE_MIGRATIONS_TABLE);
  } finally {
    db.close();
  }
}

/**
 * True when every migration folder is recorded as applied (read-only check).
 * The engine takes a lock that a running app prevents, so commands run beside
 * it (npm run user:create while npm start serves) must not call it for nothing.
 */
function sqliteIsUpToDate(config: DatabaseConfig, root?: ProjectRoot): boolean {
  if (!config.filePath || !fs.existsSync(config.filePath)) return false;
  const db = new Database(config.filePath, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) return false;
    const applied = new Set(
      (db.prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).all() as Array<{ migration_name: string }>).map(
        (row) => row.migration_name,
      ),
    );
    return readMigrations(config.provider, root).migrationDirectories.every((migration) => applied.has(migration.path));
  } finally {
    db.close();
  }
}

/** Applies every migration not yet recorded in _prisma_migrations. Returns their names. */
export async function applyMigrations(config: DatabaseConfig, root?: ProjectRoot): Promise<string[]> {
  if (config.provider === "sqlite" && sqliteIsUpToDate(config, root)) return [];
  if (config.provider === "sqlite") initialiseSqliteFile(config);
  else await ensureDatabase(config.url);
  const { engine, close } = await openSchemaEngine(config, root);
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrations(config.provider, root), filters: NO_FILTER });
    return result.appliedMigrationNames;
  } catch (error) {
    // The engine migrates SQLite under locking_mode=EXCLUSIVE, which waits for
    // every other connection to the file to close, then gives up.
    if (config.provider === "sqlite" && /SocketTimeout|database is locked|SQLITE_BUSY/.test(String(error))) {
      throw new Error(
        `${config.filePath} is in use by another process (is the app running?). Migrations need the SQLite file to themselves: stop the app and try again — \`npm start\` applies pending migrations before it serves.`,
      );
    }
    throw error;
  } finally {
    await close();
  }
}

/**
 * Creates a migration from the difference between the migration history and
 * the schema, like `prisma migrate dev --create-only`. The history is replayed
 * on a shadow database (in memory for SQLite), so the live database is only read.
 * Returns the new folder, or null when the schema has no change.
 */
export async function createMigration(config: DatabaseConfig, name: string, root?: ProjectRoot): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Migration name must be lower_snake_case, got "${name}"`);
  if (config.provider === "sqlite") initialiseSqliteFile(config);
  else await ensureDatabase(config.url);
  const { engine, close } = await openSchemaEngine(config, root);
  try {
    const migrationsList = readMigrations(config.provider, root);
    // Like `prisma migrate dev`: bring the development database up to date
    // first (the engine only replays history on a shadow database for a
    // database that follows it).
    await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    // devDiagnostic replays the history into the shadow database, which
    // createMigration then needs.
    const diagnostic = await engine.devDiagnostic({ migrationsList, filters: NO_FILTER });
    if (diagnostic.action.tag === "reset") {
      throw new Error(`The database has drifted from the migration history: ${diagnostic.action.reason}`);
    }
    const files = schemaFiles(config.provider, root).map(([file, content]) => ({ path: file, content }));
    const created = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      schema: { files },
      filters: NO_FILTER,
    });
    if (!created.migrationScript) return null;
    const baseDir = migrationsDir(config.provider, root);
    const folder = path.join(baseDir, created.generatedMigrationName);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `migration.${created.extension}`), created.migrationScript);
    const lockPath = path.join(baseDir, "migration_lock.toml");
    if (!fs.existsSync(lockPath)) {
      fs.writeFileSync(
        lockPath,
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${created.connectorType}"\n`,
      );
    }
    return folder;
  } finally {
    await close();
  }
}
