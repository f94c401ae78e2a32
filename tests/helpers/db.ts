// A fresh, migrated, seeded database per test file: real database, no mocks.
// SQLite by default (a temp file); PostgreSQL when TEST_DB=postgresql, on the
// server TEST_DATABASE_URL names (a new database per file, dropped afterwards).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrisma, resetPrisma, type Db } from "@/lib/db/client";
import { databaseConfig, type DatabaseConfig, type DatabaseProvider } from "@/lib/db/config";
import { prepareDatabase, type PrepareResult } from "@/lib/db/prepare";
import { dropDatabase, withDatabase } from "@/lib/db/postgres";

export const TEST_PROVIDER: DatabaseProvider = process.env.TEST_DB === "postgresql" ? "postgresql" : "sqlite";
export const DEFAULT_TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  provider: DatabaseProvider;
  config: DatabaseConfig;
  db: Db;
  prepared: PrepareResult;
  cleanup(): Promise<void>;
}

/** A database name or file no other test file (or run) uses. */
function uniqueName(): string {
  return `crd_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

/** A new empty database of the test provider: its config and how to remove it. */
export function newDatabase(provider: DatabaseProvider = TEST_PROVIDER): { config: DatabaseConfig; remove(): Promise<void> } {
  if (provider === "postgresql") {
    const server = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
    const name = uniqueName();
    // prepareDatabase creates it on first use, as the app does on a new server.
    return { config: databaseConfig(withDatabase(server, name)), remove: () => dropDatabase(server, name) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crd-test-"));
  return {
    config: databaseConfig(`file:${path.join(dir, "test.db")}`),
    remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Creates the database and points DATABASE_URL (and so the app's getPrisma()) at it. */
export async function freshDatabase(options: { seed?: boolean; provider?: DatabaseProvider } = {}): Promise<TestDatabase> {
  const { config, remove } = newDatabase(options.provider);
  process.env.DATABASE_URL = config.url;
  await resetPrisma();
  const prepared = await prepareDatabase(config, options);
  const db = createPrisma(config);
  return {
    provider: config.provider,
    config,
    db,
    prepared,
    async cleanup() {
      await db.$disconnect();
      await resetPrisma();
      await remove();
    },
  };
}
