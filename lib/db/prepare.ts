import type { DatabaseConfig } from "./config";
import { privateDatabaseFile } from "./file-mode";
import { createPrisma } from "./client";
import { applyMigrations } from "./migrate";
import { readMigrations, type ProjectRoot } from "./schema-engine";
import { seedFoundingStory, seedReferenceData } from "./seed";

export interface PrepareResult {
  applied: string[];
  created: boolean;
  seededReportId: number | null;
}

/**
 * Brings a database up to date before the app serves it: applies pending
 * migrations and, on a database created just now, loads the reference data and
 * the founding story. Later starts keep whatever is there.
 */
export async function prepareDatabase(
  config: DatabaseConfig,
  options: { seed?: boolean; root?: ProjectRoot } = {},
): Promise<PrepareResult> {
  // Owner-only before the migrations create the file (lib/db/file-mode.ts).
  if (config.filePath) privateDatabaseFile(config.filePath);
  const applied = await applyMigrations(config, options.root);
  const first = readMigrations(config.provider, options.root).migrationDirectories[0]?.path;
  const created = first !== undefined && applied.includes(first);
  const db = createPrisma(config);
  try {
    // New or rebuilt indexes need statistics before the query planner trusts them.
    if (applied.length && !created) await db.$executeRawUnsafe("ANALYZE");
    await seedReferenceData(db);
    const seededReportId = created && options.seed !== false ? await seedFoundingStory(db) : null;
    return { applied, created, seededReportId };
  } finally {
    await db.$disconnect();
  }
}
