// A fresh, migrated, seeded SQLite file per test file: real database, no mocks.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrisma, resetPrisma, type Db } from "@/lib/db/client";
import { databaseConfig, type DatabaseConfig } from "@/lib/db/config";
import { prepareDatabase, type PrepareResult } from "@/lib/db/prepare";

export interface TestDatabase {
  config: DatabaseConfig;
  db: Db;
  dir: string;
  prepared: PrepareResult;
  cleanup(): Promise<void>;
}

/** Creates the database and points DATABASE_URL (and so the app's getPrisma()) at it. */
export async function freshDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crd-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  process.env.DATABASE_URL = url;
  await resetPrisma();
  const config = databaseConfig(url);
  const prepared = await prepareDatabase(config, options);
  const db = createPrisma(config);
  return {
    config,
    db,
    dir,
    prepared,
    async cleanup() {
      await db.$disconnect();
      await resetPrisma();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
