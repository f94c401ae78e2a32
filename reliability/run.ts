// npm run reliability [-- --quick] [--only fuzz,concurrency,load,crash,backup]
//
// Tries hard to break the built app and prints one summary table:
//   fuzz         generated invalid payloads against every write endpoint and the CSV import
//   concurrency  20 editors updating one report with the version check
//   load         50 connections on the read endpoints for 30 s while an admin writes
//   crash        SIGKILL mid-import and mid-write-burst, then restart
//   backup       db:backup while writing, db:restore under the running app
//   attacks      the sign-in flood, parallel full exports and the one-report import of issue 12
// PostgreSQL runs are included when a server answers at TEST_DATABASE_URL
// (default postgresql://postgres@127.0.0.1:5432/postgres). Exits non-zero if
// any figure misses its target. A script to run on demand, not a test: the
// fast versions of these checks are in the normal test suite.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { buildIfNeeded } from "../scripts/next";
import { formatRows } from "./table";
import type { ReliabilityPart, ReliabilityRow } from "./types";

const PARTS = ["fuzz", "concurrency", "load", "crash", "backup", "attacks"] as const;
type PartName = (typeof PARTS)[number];

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, only: { type: "string" } } });
const only = (values.only?.split(",") ?? [...PARTS]) as PartName[];
for (const name of only) if (!PARTS.includes(name)) throw new Error(`Unknown part "${name}": use ${PARTS.join(", ")}.`);

async function postgresUrl(): Promise<string | null> {
  const url = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    console.log(`No PostgreSQL server answers at ${url.replace(/\/\/[^@/]*@/, "//…@")}: PostgreSQL runs are skipped.`);
    return null;
  }
}

const options = { quick: values.quick, postgresUrl: await postgresUrl() };
buildIfNeeded();
console.log(`${os.cpus().length} cores, Node ${process.version}${options.quick ? ", quick run" : ""}\n`);
const rows: ReliabilityRow[] = [];
for (const name of only) {
  const started = Date.now();
  console.log(`── ${name}`);
  const part = ((await import(`./${name}.ts`)) as { run: ReliabilityPart }).run;
  try {
    const partRows = await part(options);
    rows.push(...partRows);
    console.log(formatRows(partRows));
  } catch (error) {
    rows.push({ part: name, metric: "run failed", value: error instanceof Error ? error.message.slice(0, 200) : String(error), ok: false });
    console.log(`${name} failed:`, error);
  }
  console.log(`(${Math.round((Date.now() - started) / 1000)} s)\n`);
}
console.log("Summary\n");
const table = formatRows(rows);
console.log(table);
fs.writeFileSync(path.join("reliability", "results.json"), `${JSON.stringify({ date: new Date().toISOString(), quick: options.quick, postgresql: options.postgresUrl !== null, rows }, null, 2)}\n`);
if (rows.some((row) => !row.ok)) {
  console.log("\nSome figures missed their targets (MISSED above).");
  process.exitCode = 1;
}
