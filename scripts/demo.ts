// npm run db:demo -- [--reports 100000] [--observations-per-report 10] [--seed 42]
//                    [--database file:./data/demo.db] [--force]
// The database is --database, else DATABASE_URL (as for every db: command), else data/demo.db.
// Fills a separate database with a deterministic synthetic dataset for demos
// and benchmarks. It never writes into a database that already exists unless
// --force is given, which recreates it.
import fs from "node:fs";
import Database from "better-sqlite3";
import { parseArgs } from "node:util";
import { databaseConfig } from "../lib/db/config";
import { prepareDatabase } from "../lib/db/prepare";
import { DEFAULT_DEMO_OPTIONS, demoDatabaseUrl } from "../lib/demo/generate";
import { writeDemoToSqlite } from "../lib/demo/write-sqlite";

const { values } = parseArgs({
  options: {
    reports: { type: "string" },
    "observations-per-report": { type: "string" },
    seed: { type: "string" },
    database: { type: "string" },
    force: { type: "boolean", default: false },
  },
});

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number ≥ 1, got "${raw}"`);
  return value;
}

/** What shows that people use this database (accounts, recorded changes), or null for a demo file. */
function peopleIn(file: string): string | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((t) => t.name));
    const count = (table: string) => (tables.has(table) ? (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n : 0);
    const users = count("User");
    const changes = count("AuditEntry");
    if (users === 0 && changes === 0) return null;
    return `${users.toLocaleString("en-US")} accounts, ${changes.toLocaleString("en-US")} recorded changes`;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const options = {
    ...DEFAULT_DEMO_OPTIONS,
    reports: positiveInt("reports", values.reports, DEFAULT_DEMO_OPTIONS.reports),
    observationsPerReport: positiveInt("observations-per-report", values["observations-per-report"], DEFAULT_DEMO_OPTIONS.observationsPerReport),
    seed: positiveInt("seed", values.seed, DEFAULT_DEMO_OPTIONS.seed),
  };
  const url = demoDatabaseUrl(values.database);
  const config = databaseConfig(url);
  if (config.provider !== "sqlite") throw new Error("db:demo writes SQLite files for now; give --database file:…");
  const file = config.filePath!;
  if (fs.existsSync(file)) {
    if (!values.force) throw new Error(`${file} already exists. Add --force to recreate it (its data will be lost).`);
    // DATABASE_URL may name the app's real database: --force only recreates a file no person has used.
    const inUse = peopleIn(file);
    if (inUse) throw new Error(`${file} is not a db:demo file (${inUse}): --force recreates only synthetic databases. Give another --database.`);
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  }
  await prepareDatabase(config);
  console.log(`Writing ${options.reports.toLocaleString("en-US")} synthetic reports (seed ${options.seed}) to ${file}…`);
  const result = writeDemoToSqlite(file, options, (done) => {
    if (done % 20_000 === 0) console.log(`  ${done.toLocaleString("en-US")} reports`);
  });
  console.log(
    `Done in ${(result.milliseconds / 1000).toFixed(1)} s: ${result.reports.toLocaleString("en-US")} reports, ` +
      `${result.observations.toLocaleString("en-US")} observations, ${result.citations.toLocaleString("en-US")} citations.`,
  );
  console.log(`Run the app on it with: DATABASE_URL=${url} npm start`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
