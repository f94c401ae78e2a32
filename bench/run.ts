// npm run bench [-- --quick] [--sizes 10000,100000,1000000] [--requests 60] [--fresh]
//
// Measures the app against the floor under it — the same SQL run directly on
// the same SQLite file — at several sizes of a deterministic synthetic
// dataset, and prints one table (also written to bench/results.json).
// A script to run on demand, not a test: timings on shared machines vary.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { databaseConfig } from "../lib/db/config";
import { prepareDatabase } from "../lib/db/prepare";
import { DEFAULT_DEMO_OPTIONS } from "../lib/demo/generate";
import { writeDemoToSqlite } from "../lib/demo/write-sqlite";
import { loadChart } from "../lib/dashboard/load";
import { CHARTS, dashboardHref, type ChartId, type DashboardFilters } from "../lib/dashboard/filters";
import { buildIfNeeded } from "../scripts/next";
import { RawReplay, captureStatements } from "./sql-capture";
import { startApp, type RunningApp } from "./server";
import { median, percentile, resetPeakRss, round, rss, timed } from "./stats";
import { benchImport, type ImportResult } from "./import";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    sizes: { type: "string" },
    requests: { type: "string" },
    fresh: { type: "boolean", default: false },
  },
});
const quick = args.quick;
const sizes = (args.sizes ?? (quick ? "10000,100000" : "10000,100000,1000000")).split(",").map(Number);
const requests = Number(args.requests ?? (quick ? 20 : 60));
const exportRuns = quick ? 1 : 3;
const DATA = path.join("bench", "data");

interface Latency {
  p50: number | null;
  p95: number | null;
}
interface AggregateResult extends Latency {
  chart: ChartId;
  filter: string;
  rawP50: number | null;
  ratio: number | null;
  points: number;
}
interface SizeResult {
  observations: number;
  reports: number;
  aggregates: AggregateResult[];
  page: Latency;
  /** GET /api/health: Next.js routing, the proxy, one `SELECT 1` through Prisma — the fixed cost every request pays. */
  floor: Latency;
  export: {
    rows: number;
    seconds: number | null;
    rowsPerSecond: number | null;
    mib: number | null;
    peakRssMiB: number | null;
    baselineSeconds: number | null;
    baselineRowsPerSecond: number | null;
    ratio: number | null;
  };
  import: ImportResult | null;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function demoDatabase(observations: number): Promise<string> {
  const reports = Math.max(1, Math.round(observations / DEFAULT_DEMO_OPTIONS.observationsPerReport));
  const file = path.resolve(DATA, `demo-${reports}.db`);
  // A file kept from an earlier run gets this checkout's migrations (as `npm start` would).
  if (fs.existsSync(file) && !args.fresh) return (await prepareDatabase(databaseConfig(`file:${file}`)), file);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(DATA, { recursive: true });
  await prepareDatabase(databaseConfig(`file:${file}`));
  const result = writeDemoToSqlite(file, { ...DEFAULT_DEMO_OPTIONS, reports });
  log(`  wrote ${result.reports} reports / ${result.observations} observations in ${(result.milliseconds / 1000).toFixed(1)} s`);
  return file;
}

async function latency(url: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count + 3; i++) {
    const { ms, value } = await timed(async () => {
      const response = await fetch(url).catch((error: { cause?: { code?: string } }) => {
        // The server closes keep-alive connections idle for 5 s — as while the raw SQL
        // runs between two charts. A warm-up request may meet that closed socket: retry it.
        if (i < 3 && error.cause?.code === "UND_ERR_SOCKET") return fetch(url);
        throw error;
      });
      await response.arrayBuffer();
      return response.status;
    });
    if (value !== 200) throw new Error(`${url} answered ${value}`);
    if (i >= 3) times.push(ms); // the first three warm caches
  }
  return times;
}

function filterSets(file: string): Array<[string, DashboardFilters]> {
  const db = new Database(file, { readonly: true });
  const { code } = db
    .prepare(`SELECT targetCountryCode AS code FROM Report WHERE status = 'published' GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1`)
    .get() as { code: string };
  db.close();
  return [
    ["none", {}],
    [`target=${code}`, { target: [code] }],
    ["2016–2020", { from: "2016-01-01", to: "2020-12-31" }],
    ["metric=cyberattacks", { metric: ["cyberattacks"] }],
    ["source=BR", { source: ["BR"] }],
  ];
}

async function measureAggregates(app: RunningApp, file: string): Promise<AggregateResult[]> {
  const replay = new RawReplay(file);
  const results: AggregateResult[] = [];
  try {
    for (const [name, filters] of filterSets(file)) {
      for (const chart of CHARTS) {
        const query = dashboardHref(filters, {}, "").replace(/^\?/, "");
        const times = await latency(`${app.url}/api/v1/dashboard/${chart}${query ? `?${query}` : ""}`, requests);
        let points = 0;
        const statements = await captureStatements(file, async (db) => {
          const loaded = await loadChart(db, filters, chart);
          points = loaded.chart.chart === "timeline" ? loaded.chart.data.marks.length : loaded.chart.data.rows.length;
        });
        const raw = Array.from({ length: requests + 3 }, () => replay.run(statements)).slice(3);
        const p50 = median(times);
        results.push({
          chart,
          filter: name,
          p50: round(p50),
          p95: round(percentile(times, 95)),
          rawP50: round(median(raw), 2),
          ratio: round(p50 / median(raw), 2),
          points,
        });
      }
    }
  } finally {
    replay.close();
  }
  return results;
}

function countPublishedObservations(file: string): number {
  const db = new Database(file, { readonly: true });
  const { n } = db
    .prepare(`SELECT COUNT(*) AS n FROM Observation o JOIN Report r ON r.id = o.reportId WHERE r.status = 'published' AND r.deletedAt IS NULL`)
    .get() as { n: number };
  db.close();
  return n;
}

/** Streams the full export to nowhere, counting bytes; peak RSS of the server meanwhile. */
async function measureExport(app: RunningApp, file: string): Promise<SizeResult["export"]> {
  const rows = countPublishedObservations(file);
  const seconds: number[] = [];
  let bytes = 0;
  let peak = 0;
  for (let run = 0; run < exportRuns; run++) {
    const canMeasure = resetPeakRss(app.pid);
    const { ms } = await timed(async () => {
      const response = await fetch(`${app.url}/api/v1/export/reports.csv?rows=full`);
      bytes = 0;
      const reader = response.body!.getReader();
      for (let part = await reader.read(); !part.done; part = await reader.read()) bytes += part.value.byteLength;
    });
    seconds.push(ms / 1000);
    if (canMeasure) peak = Math.max(peak, rss(app.pid).peakMiB);
  }
  const baseline: number[] = [];
  const sqlite3 = spawnSync("sqlite3", ["-version"]).status === 0;
  for (let run = 0; sqlite3 && run < exportRuns; run++) {
    const { ms } = await timed(
      () =>
        new Promise<void>((resolve, reject) => {
          const child = spawn("sqlite3", ["-csv", "-header", file], { stdio: ["pipe", "pipe", "inherit"] });
          child.stdout.on("data", () => undefined);
          child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`sqlite3 exited ${code}`))));
          child.stdin.end(fs.readFileSync(path.join("bench", "export-baseline.sql")));
        }),
    );
    baseline.push(ms / 1000);
  }
  const appSeconds = median(seconds);
  const baseSeconds = baseline.length ? median(baseline) : NaN;
  return {
    rows,
    seconds: round(appSeconds, 2),
    rowsPerSecond: Math.round(rows / appSeconds),
    mib: round(bytes / 1_048_576),
    peakRssMiB: peak ? round(peak) : null,
    baselineSeconds: round(baseSeconds, 2),
    baselineRowsPerSecond: Number.isFinite(baseSeconds) ? Math.round(rows / baseSeconds) : null,
    ratio: Number.isFinite(baseSeconds) ? round(baseSeconds / appSeconds, 2) : null,
  };
}

function machine() {
  const sqlite = new Database(":memory:");
  const version = (sqlite.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v;
  sqlite.close();
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: round(os.totalmem() / 1_073_741_824),
    node: process.version,
    sqlite: version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((v) => round(v, 2)),
  };
}

function printTables(results: SizeResult[], facts: ReturnType<typeof machine>): void {
  const out: string[] = [];
  out.push(`Machine: ${facts.cpus} cores (${facts.cpuModel}), ${facts.memoryGiB} GiB, Node ${facts.node}, SQLite ${facts.sqlite}, load ${facts.loadAverage.join(" ")}`);
  out.push(`Medians over ${requests} requests (after 3 warm-up) per aggregate; export over ${exportRuns} run(s).`);
  out.push("");
  out.push("| observations | chart | filter | points | app p50 ms | app p95 ms | raw SQL p50 ms | app/raw |");
  out.push("|---:|---|---|---:|---:|---:|---:|---:|");
  for (const size of results) {
    for (const a of size.aggregates) {
      out.push(`| ${size.observations.toLocaleString("en-US")} | ${a.chart} | ${a.filter} | ${a.points} | ${a.p50} | ${a.p95} | ${a.rawP50} | ${a.ratio} |`);
    }
  }
  out.push("");
  out.push("| observations | request floor p50 ms | page / p50 ms | page p95 ms | export rows | export s | rows/s | MiB | server peak RSS MiB | sqlite3 -csv s | sqlite3 rows/s | app/sqlite3 throughput | import rows/s | import peak RSS MiB |");
  out.push("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const s of results) {
    const e = s.export;
    out.push(
      `| ${s.observations.toLocaleString("en-US")} | ${s.floor.p50} | ${s.page.p50} | ${s.page.p95} | ${e.rows.toLocaleString("en-US")} | ${e.seconds} | ${e.rowsPerSecond?.toLocaleString("en-US")} | ${e.mib} | ${e.peakRssMiB ?? "n/a"} | ${e.baselineSeconds ?? "n/a"} | ${e.baselineRowsPerSecond?.toLocaleString("en-US") ?? "n/a"} | ${e.ratio ?? "n/a"} | ${s.import ? s.import.rowsPerSecond.toLocaleString("en-US") : "n/a"} | ${s.import?.peakRssMiB ?? "n/a"} |`,
    );
  }
  if (results.length > 1) {
    const [first, last] = [results[0], results[results.length - 1]];
    const growth = last.observations / first.observations;
    const aggregateGrowth = (size: SizeResult) => median(size.aggregates.map((a) => a.p50 ?? NaN));
    out.push("");
    out.push(
      `Growth ${first.observations.toLocaleString("en-US")} → ${last.observations.toLocaleString("en-US")} observations (×${growth}): ` +
        `median aggregate p50 ×${round(aggregateGrowth(last) / aggregateGrowth(first), 2)}, ` +
        `export time ×${round((last.export.seconds ?? NaN) / (first.export.seconds ?? NaN), 2)}.`,
    );
  }
  out.push("", ...targets(results[results.length - 1]));
  console.log(out.join("\n"));
}

/** The issue's targets, checked on the largest size measured. */
function targets(size: SizeResult): string[] {
  const n = size.observations.toLocaleString("en-US");
  const aggregates = size.aggregates.filter((a) => a.p50 !== null && a.ratio !== null);
  const fast = aggregates.filter((a) => a.p50! < 100).length;
  const close = aggregates.filter((a) => a.ratio! <= 1.5).length;
  const mark = (ok: boolean) => (ok ? "met" : "MISSED");
  const e = size.export;
  return [
    `Targets at ${n} observations:`,
    `- aggregate p50 < 100 ms: ${fast} of ${aggregates.length} (${mark(fast === aggregates.length)}); slowest ${Math.max(...aggregates.map((a) => a.p50!))} ms`,
    `- aggregate p50 ≤ 1.5 × raw SQL: ${close} of ${aggregates.length} (${mark(close === aggregates.length)}); the request floor alone is ${size.floor.p50} ms`,
    `- page render p50 < 300 ms: ${size.page.p50} ms (${mark((size.page.p50 ?? Infinity) < 300)})`,
    `- export ≥ 0.5 × sqlite3 -csv: ${e.ratio ?? "n/a"} (${mark((e.ratio ?? 0) >= 0.5)}); server peak RSS < 300 MiB: ${e.peakRssMiB ?? "n/a"} (${mark((e.peakRssMiB ?? Infinity) < 300)})`,
    `- import ≥ 20,000 rows/s: ${size.import?.rowsPerSecond.toLocaleString("en-US") ?? "n/a"} (${mark((size.import?.rowsPerSecond ?? 0) >= 20_000)})`,
  ];
}

async function main(): Promise<void> {
  buildIfNeeded();
  const facts = machine();
  const results: SizeResult[] = [];
  for (const observations of sizes) {
    log(`── ${observations.toLocaleString("en-US")} observations`);
    const file = await demoDatabase(observations);
    let app = await startApp(`file:${file}`);
    try {
      log("  aggregates…");
      const aggregates = await measureAggregates(app, file);
      log("  page…");
      const pageTimes = await latency(`${app.url}/`, requests);
      const floorTimes = await latency(`${app.url}/api/health`, requests);
      log("  export…");
      // On a server of its own, so its peak memory is the export's, not what earlier phases left.
      await app.stop();
      app = await startApp(`file:${file}`);
      const exported = await measureExport(app, file);
      log("  import…");
      // 100,000 rows at most: at the smaller sizes, the whole export (to show memory stays flat in the file size).
      const imported = await benchImport(app, file, Math.min(observations, 100_000)).catch((error: unknown) => {
        log(`  import skipped: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      });
      const reports = (() => {
        const db = new Database(file, { readonly: true });
        const { n } = db.prepare("SELECT COUNT(*) AS n FROM Report").get() as { n: number };
        db.close();
        return n;
      })();
      results.push({
        observations,
        reports,
        aggregates,
        page: { p50: round(median(pageTimes)), p95: round(percentile(pageTimes, 95)) },
        floor: { p50: round(median(floorTimes)), p95: round(percentile(floorTimes, 95)) },
        export: exported,
        import: imported,
      });
    } finally {
      await app.stop();
    }
    // Kept after each size, so a long run that fails late still leaves what it measured.
    fs.writeFileSync(path.join("bench", "results.json"), `${JSON.stringify({ date: new Date().toISOString(), quick, requests, machine: facts, results, partial: true }, null, 2)}\n`);
  }
  printTables(results, facts);
  fs.mkdirSync("bench", { recursive: true });
  fs.writeFileSync(path.join("bench", "results.json"), `${JSON.stringify({ date: new Date().toISOString(), quick, requests, machine: facts, results }, null, 2)}\n`);
  log("Wrote bench/results.json");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
