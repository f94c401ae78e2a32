// Load: the dashboard's read endpoints under 50 concurrent connections for
// 30 s (--quick: 10 s) while an admin writes through the API, against the
// built app on a SQLite file of realistic size. Reports throughput, latency
// and every error; a script, not a timed assertion — figures depend on the
// machine (and on whatever else runs on it).
//
//   npx tsx reliability/load.ts [--quick]
//
// Only 127.0.0.1: the app is started here, on a free local port, and stopped
// at the end; the run is bounded by its duration plus autocannon's timeout.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon, { type Request as LoadRequest, type Result } from "autocannon";
import Database from "better-sqlite3";
import { databaseConfig } from "../lib/db/config";
import { prepareDatabase } from "../lib/db/prepare";
import { DEFAULT_DEMO_OPTIONS } from "../lib/demo/generate";
import { writeDemoToSqlite } from "../lib/demo/write-sqlite";
import { buildIfNeeded } from "../scripts/next";
import { startApp, type RunningApp } from "../bench/server";
import { percentile, resetPeakRss, round, rss } from "../bench/stats";
import { makeAdmins } from "./server-process";
import { printRows } from "./table";
import type { ReliabilityOptions, ReliabilityPart, ReliabilityRow } from "./types";

const CONNECTIONS = 50;
/** For finding the cause of a slow tail, when run alone: fewer connections, or reads only. */
const tuning = { connections: CONNECTIONS, writes: true };
const REPORTS = 15_000;
/**
 * Seconds a reader waits for an answer before it counts as a timeout (an
 * error). Browsers wait minutes and reverse proxies typically 60 s; 30 s is
 * already impatient. Answers slower than SLOW_MS are counted and reported too.
 */
const TIMEOUT_S = 30;
const SLOW_MS = 10_000;
/** Pause between the admin's writes: a few a second, as a busy editor or an import script would. */
const WRITE_EVERY_MS = 300;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A migrated SQLite file holding the demo data set, and an admin with an API token. */
export async function makeDatabase(dir: string): Promise<{ url: string; file: string; token: string }> {
  const file = path.join(dir, "load.db");
  const url = `file:${file}`;
  await prepareDatabase(databaseConfig(url));
  const demo = writeDemoToSqlite(file, { ...DEFAULT_DEMO_OPTIONS, reports: REPORTS });
  log(`  demo data: ${demo.reports} reports, ${demo.observations} observations (${(demo.milliseconds / 1000).toFixed(1)} s)`);
  // An admin and its API token, made with the functions `npm run user:create` / `token:create` call.
  const [{ token }] = await makeAdmins(url, 1);
  return { url, file, token };
}

/** The read requests: each chart's API under typical filters, the page, report pages, an export, the list. */
export function readPaths(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const target = (db.prepare(`SELECT targetCountryCode AS code FROM Report WHERE status = 'published' GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1`).get() as { code: string }).code;
    const reportIds = (db.prepare(`SELECT id FROM Report WHERE status = 'published' AND deletedAt IS NULL ORDER BY id LIMIT 4 OFFSET 1000`).all() as Array<{ id: number }>).map((r) => r.id);
    const filters = ["", `?target=${target}`, "?from=2018-01-01&to=2020-12-31", "?source=US"];
    return [
      ...["timeline", "by-source", "by-target", "map"].flatMap((chart) => filters.map((query) => `/api/v1/dashboard/${chart}${query}`)),
      "/",
      `/?target=${target}&chart=by-source`,
      ...reportIds.map((id) => `/reports/${id}`),
      `/api/v1/export/timeline.csv?target=${target}&rows=displayed`,
      "/api/v1/reports?limit=50",
      `/api/v1/reports?target=${target}&limit=50`,
    ];
  } finally {
    db.close();
  }
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Non-2xx answers per path, so an error says where it came from. */
type Failures = Map<string, Map<number, number>>;
/** Response times per path, to say which requests wait. */
type Timings = Map<string, number[]>;

function readLoad(app: RunningApp, paths: string[], seconds: number, failures: Failures, timings: Timings, slow: { count: number }): Promise<Result> {
  const requests: LoadRequest[] = paths.map((p) => ({
    method: "GET",
    path: p,
    setupRequest: (request, context) => {
      context.started = performance.now();
      return request;
    },
    onResponse: (status, _body, context) => {
      const list = timings.get(p) ?? [];
      list.push(performance.now() - (context.started as number));
      timings.set(p, list);
      if (status >= 200 && status < 300) return;
      const byStatus = failures.get(p) ?? new Map<number, number>();
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      failures.set(p, byStatus);
    },
  }));
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: app.url,
        connections: tuning.connections,
        duration: seconds,
        timeout: TIMEOUT_S,
        requests,
        // Each connection goes through the endpoints in its own order, so they are all busy at once.
        setupClient: (client) => client.setRequests(shuffled(requests)),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      if (responseTime > SLOW_MS) slow.count++;
    });
  });
}

interface Written {
  id: number;
  version: number;
  notes: string;
}

interface WriterResult {
  acknowledged: number;
  errors: string[];
  latencies: number[];
  written: Map<number, Written>;
}

/** An admin creating reports and correcting them (PATCH with the version read), until told to stop. */
async function adminWrites(app: RunningApp, token: string, stop: { now: boolean }): Promise<WriterResult> {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const result: WriterResult = { acknowledged: 0, errors: [], latencies: [], written: new Map() };
  let n = 0;
  while (!stop.now) {
    n++;
    const existing = [...result.written.values()];
    const patch = n % 2 === 0 && existing.length > 0;
    const target = patch ? existing[n % existing.length] : null;
    const notes = `load test write ${n}`;
    const started = performance.now();
    try {
      const response = target
        ? await fetch(`${app.url}/api/v1/reports/${target.id}`, {
            method: "PATCH",
            headers,
            body: JSON.stringify({ version: target.version, notes }),
            signal: AbortSignal.timeout(TIMEOUT_S * 1000),
          })
        : await fetch(`${app.url}/api/v1/reports`, {
            method: "POST",
            headers,
            body: JSON.stringify({
              targetCountry: "NZ",
              periodStart: "2024-01-01",
              periodEnd: "2024-06-30",
              statedOn: "2024-07-01",
              status: "published",
              notes,
              speakers: [{ name: "Load Test Speaker", role: "Minister" }],
              citations: [{ outlet: { name: "Load Test Outlet" }, url: `https://example.org/load/${n}` }],
              observations: [
                { count: 1000 + n, qualifier: "more_than", scope: { type: "all" } },
                { count: n, scope: { type: "country", code: "US" } },
              ],
            }),
            signal: AbortSignal.timeout(TIMEOUT_S * 1000),
          });
      const body = (await response.json()) as { id?: number; version?: number; error?: { code: string; message: string } };
      result.latencies.push(performance.now() - started);
      if (response.ok && typeof body.id === "number" && typeof body.version === "number") {
        result.acknowledged++;
        result.written.set(body.id, { id: body.id, version: body.version, notes });
      } else {
        result.errors.push(`${target ? "PATCH" : "POST"} ${response.status}: ${body.error?.code ?? ""} ${body.error?.message ?? JSON.stringify(body).slice(0, 200)}`);
      }
    } catch (error) {
      result.errors.push(`${target ? "PATCH" : "POST"}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    }
    await new Promise((r) => setTimeout(r, WRITE_EVERY_MS));
  }
  return result;
}

/** After the load: every acknowledged write reads back as written, from the API and in the report list. */
async function readBack(app: RunningApp, written: Map<number, Written>): Promise<{ readable: number; problems: string[] }> {
  let readable = 0;
  const problems: string[] = [];
  for (const expected of written.values()) {
    const response = await fetch(`${app.url}/api/v1/reports/${expected.id}`);
    const body = (await response.json()) as { version?: number; notes?: string };
    if (response.ok && body.version === expected.version && body.notes === expected.notes) readable++;
    else problems.push(`report ${expected.id}: ${response.status}, version ${body.version} (expected ${expected.version}), notes ${JSON.stringify(body.notes)}`);
  }
  const listed = (await (await fetch(`${app.url}/api/v1/reports?target=NZ&limit=500`)).json()) as { data: Array<{ id: number }> };
  const ids = new Set(listed.data.map((r) => r.id));
  const missing = [...written.keys()].filter((id) => !ids.has(id));
  if (missing.length) problems.push(`not in GET /api/v1/reports?target=NZ: ${missing.slice(0, 10).join(", ")}`);
  return { readable: missing.length ? Math.min(readable, written.size - missing.length) : readable, problems };
}

export const run: ReliabilityPart = async (options: ReliabilityOptions): Promise<ReliabilityRow[]> => {
  const seconds = options.quick ? 10 : 30;
  const part = "load · SQLite";
  buildIfNeeded();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crd-load-"));
  let app: RunningApp | null = null;
  try {
    log(`load: ${REPORTS.toLocaleString("en-US")} demo reports, ${tuning.connections} connections for ${seconds} s, ${tuning.writes ? `an admin writing every ${WRITE_EVERY_MS} ms` : "no writes"}`);
    const { url, file, token } = await makeDatabase(dir);
    const paths = readPaths(file);
    app = await startApp(url);
    const canMeasure = resetPeakRss(app.pid);
    // One pass over every path first: a path that fails on its own is a bug, not load.
    for (const p of paths) {
      const response = await fetch(`${app.url}${p}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`GET ${p} answered ${response.status} before any load`);
    }
    const failures: Failures = new Map();
    const stop = { now: false };
    const writer = tuning.writes ? adminWrites(app, token, stop) : Promise.resolve<WriterResult>({ acknowledged: 0, errors: [], latencies: [], written: new Map() });
    const slow = { count: 0 };
    const timings: Timings = new Map();
    const reads = await readLoad(app, paths, seconds, failures, timings, slow);
    stop.now = true;
    const writes = await writer;
    const back = await readBack(app, writes.written);
    const peak = canMeasure ? round(rss(app.pid).peakMiB, 0) : null;

    const readErrors = reads.non2xx + reads.errors;
    log("  per path: answers, p50 ms, p99 ms");
    for (const [p, times] of [...timings].sort((a, b) => percentile(b[1], 99) - percentile(a[1], 99))) {
      log(`    ${p.padEnd(64)} ${String(times.length).padStart(5)} ${String(Math.round(percentile(times, 50))).padStart(6)} ${String(Math.round(percentile(times, 99))).padStart(6)}`);
    }
    for (const [p, byStatus] of failures) log(`  read error: ${p} → ${[...byStatus].map(([s, n]) => `${n}× ${s}`).join(", ")}`);
    if (reads.errors) log(`  read errors: ${reads.errors} connection errors, of which ${reads.timeouts} timeouts (> ${TIMEOUT_S} s)`);
    for (const error of writes.errors.slice(0, 20)) log(`  write error: ${error}`);
    for (const problem of back.problems.slice(0, 20)) log(`  read-back: ${problem}`);

    return [
      { part, metric: "read requests", value: reads.requests.total, ok: true },
      { part, metric: "endpoints in rotation", value: paths.length, ok: true },
      { part, metric: "throughput req/s", value: round(reads.requests.total / reads.duration, 1)!, ok: true },
      { part, metric: "read latency p50 ms", value: reads.latency.p50, ok: true },
      { part, metric: "read latency p99 ms", value: reads.latency.p99, ok: true },
      { part, metric: "read latency max ms", value: reads.latency.max, ok: true },
      { part, metric: `reads slower than ${SLOW_MS / 1000} s`, value: slow.count, ok: true },
      // autocannon stops at the deadline without waiting for requests in flight; they are neither answers nor errors.
      { part, metric: "reads still in flight at the end (not counted)", value: reads.requests.sent - reads.requests.total - reads.errors, ok: true },
      { part, metric: `read errors (non-2xx, timeouts > ${TIMEOUT_S} s, connection errors)`, value: readErrors, target: "0", ok: readErrors === 0 },
      { part, metric: "admin writes acknowledged", value: writes.acknowledged, target: "≥ 1", ok: writes.acknowledged > 0 || !tuning.writes },
      { part, metric: "admin write errors (any non-2xx, timeouts)", value: writes.errors.length, target: "0", ok: writes.errors.length === 0 },
      { part, metric: "admin write p99 ms", value: round(percentile(writes.latencies, 99), 0) ?? "–", ok: true },
      {
        part,
        metric: "written reports readable afterwards",
        value: `${back.readable}/${writes.written.size}`,
        target: "all",
        ok: back.problems.length === 0 && back.readable === writes.written.size,
      },
      { part, metric: "app peak RSS MiB", value: peak ?? "–", ok: true },
    ];
  } finally {
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};


if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("reliability/load.ts")) {
  const { values } = parseArgs({
    options: { quick: { type: "boolean", default: false }, connections: { type: "string" }, "no-writes": { type: "boolean", default: false } },
  });
  if (values.connections) tuning.connections = Number(values.connections);
  tuning.writes = !values["no-writes"];
  run({ quick: values.quick, postgresUrl: null }).then(
    (rows) => {
      printRows(rows);
      process.exit(rows.every((r) => r.ok) ? 0 : 1);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
