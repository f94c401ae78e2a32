// Attacks of issue 12, retried against the built app (SQLite), with figures:
//   sign-in flood    48 parallel failed sign-ins from an untrusted client
//                    (127.0.0.2), each with its own invented X-Forwarded-For: how many the per-address limit refused,
//                    and the dashboard's latency meanwhile;
//   parallel export  8 full exports of 10,000 demo reports at once (8 clients
//                    behind a trusted proxy), /api/health and the dashboard
//                    probed meanwhile, and a 9th export that must get 429;
//   import flood     the template's first row repeated to ~199 MB (one report
//                    of 268,900 rows), checked by a dry run: answer, server
//                    alive, its peak memory.
// Run alone: `npx tsx reliability/attacks.ts [--quick]`.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { percentile, resetPeakRss, rss } from "../bench/stats";
import { DEFAULT_DEMO_OPTIONS } from "../lib/demo/generate";
import { writeDemoToSqlite } from "../lib/demo/write-sqlite";
import { ensureBuilt, makeAdmins, mustBe, newTarget, row, runAlone, startServer } from "./server-process";
import type { ReliabilityPart, ReliabilityRow } from "./types";

const PART = "attacks · SQLite";

/** Probes `url` every 100 ms until `until` settles; returns each probe's milliseconds (a failed probe counts as 10 s). */
async function probe(url: string, until: Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      times.push(response.ok ? performance.now() - started : 10_000);
    } catch {
      times.push(10_000);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return times;
}

/** One POST from 127.0.0.2: a client on this machine that is not the trusted proxy (127.0.0.1). */
function postFromUntrusted(url: string, path: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}${path}`, { method: "POST", localAddress: "127.0.0.2", headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function signInFlood(url: string): Promise<ReliabilityRow[]> {
  const attempt = (i: number) =>
    postFromUntrusted(
      url,
      "/api/auth/sign-in/email",
      { "content-type": "application/json", origin: url, "x-forwarded-for": `198.51.${Math.floor(i / 250)}.${(i % 250) + 1}` },
      JSON.stringify({ email: `nobody-${i}@example.org`, password: "wrong password, long enough" }),
    );
  const flood = Promise.all(Array.from({ length: 48 }, (_, i) => attempt(i)));
  const dashboard = probe(`${url}/`, flood);
  const statuses = await flood;
  const times = await dashboard;
  const count = (status: number) => statuses.filter((s) => s === status).length;
  return [
    row(PART, "sign-in flood: 48 spoofed attempts, 401 (checked)", count(401), "≤ 10", count(401) <= 10),
    row(PART, "sign-in flood: 429 (address limit) + 503 (busy)", count(429) + count(503), "≥ 38", count(429) + count(503) >= 38),
    mustBe(PART, "sign-in flood: 5xx other than 503", statuses.filter((s) => s >= 500 && s !== 503).length),
    row(PART, `sign-in flood: dashboard p50 / p99 ms meanwhile (${times.length} probes)`, `${Math.round(percentile(times, 50))} / ${Math.round(percentile(times, 99))}`, "p99 < 500", percentile(times, 99) < 500),
  ];
}

async function parallelExports(url: string, quick: boolean): Promise<ReliabilityRow[]> {
  const download = (client: string) =>
    fetch(`${url}/api/v1/export/reports.csv?rows=full`, { headers: { "x-forwarded-for": client } }).then(async (r) => ({ status: r.status, bytes: (await r.arrayBuffer()).byteLength, retryAfter: r.headers.get("retry-after") }));
  const started = performance.now();
  const exports = Array.from({ length: 8 }, (_, i) => download(`203.0.113.${i + 1}`));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const ninth = await download("203.0.113.99");
  const all = Promise.all(exports);
  const [health, dashboard, results] = await Promise.all([probe(`${url}/api/health`, all), probe(`${url}/`, all), all]);
  const seconds = (performance.now() - started) / 1000;
  const ok = results.filter((r) => r.status === 200).length;
  return [
    mustBe(PART, `parallel export: full exports answered 200 (of 8${quick ? ", quick" : ""})`, ok, 8),
    row(PART, "parallel export: MiB each, seconds for all 8", `${(results[0].bytes / 1048576).toFixed(1)}, ${seconds.toFixed(1)}`),
    row(PART, "parallel export: a 9th meanwhile", `${ninth.status}, Retry-After ${ninth.retryAfter}`, "429", ninth.status === 429 && ninth.retryAfter !== null),
    row(PART, `parallel export: /api/health p50 / p99 ms (${health.length} probes)`, `${Math.round(percentile(health, 50))} / ${Math.round(percentile(health, 99))}`, "p99 < 500", percentile(health, 99) < 500),
    row(PART, `parallel export: dashboard p50 / p99 ms (${dashboard.length} probes)`, `${Math.round(percentile(dashboard, 50))} / ${Math.round(percentile(dashboard, 99))}`, "p99 < 500", percentile(dashboard, 99) < 500),
  ];
}

async function importFlood(url: string, pid: number, token: string, dir: string, quick: boolean): Promise<ReliabilityRow[]> {
  const template = await (await fetch(`${url}/api/v1/import/template.csv`, { headers: { authorization: `Bearer ${token}` } })).text();
  const [head, first] = template.replace(/^\uFEFF/, "").split(/\r?\n/);
  const file = path.join(dir, "one-report.csv");
  const targetBytes = quick ? 20 * 1024 * 1024 : 199 * 1024 * 1024;
  const rows = Math.floor((targetBytes - head.length) / (first.length + 1));
  const out = fs.createWriteStream(file);
  out.write(`${head}\n`);
  const block = `${first}\n`.repeat(1000);
  for (let i = 0; i < rows; i += 1000) if (!out.write(i + 1000 <= rows ? block : `${first}\n`.repeat(rows - i))) await new Promise<void>((r) => out.once("drain", () => r()));
  await new Promise<void>((resolve) => out.end(() => resolve()));
  resetPeakRss(pid);
  const before = rss(pid).currentMiB;
  const started = performance.now();
  const response = await fetch(`${url}/api/v1/import?dryRun=true`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream,
    duplex: "half",
  } as RequestInit);
  const answer = (await response.json().catch(() => null)) as { error?: { issues?: Array<{ message: string }> } } | null;
  const seconds = (performance.now() - started) / 1000;
  const peak = rss(pid).peakMiB;
  const alive = (await fetch(`${url}/api/health`).catch(() => null))?.ok === true;
  fs.rmSync(file, { force: true });
  return [
    row(PART, `import flood: ${Math.round(targetBytes / 1048576)} MB, ${rows.toLocaleString("en-US")} rows of one report`, `${response.status} in ${seconds.toFixed(1)} s`, "400", response.status === 400),
    row(PART, "import flood: errors answered", answer?.error?.issues?.length ?? -1, "1", answer?.error?.issues?.length === 1),
    row(PART, "import flood: server RSS before → peak MiB", `${Math.round(before)} → ${Math.round(peak)}`, "peak < 400", peak < 400),
    row(PART, "import flood: server alive after", alive ? "yes" : "no", "yes", alive),
  ];
}

export const run: ReliabilityPart = async ({ quick }) => {
  ensureBuilt();
  const target = await newTarget("SQLite", null);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crd-attacks-"));
  writeDemoToSqlite(target.filePath!, { ...DEFAULT_DEMO_OPTIONS, reports: quick ? 2_000 : 10_000 });
  const [admin] = await makeAdmins(target.url, 1);
  // The exports come from 8 clients behind a proxy on this machine, as through a load balancer.
  const server = await startServer(target.url, { TRUSTED_PROXIES: "127.0.0.1", SECURE_COOKIES: "false" });
  try {
    // Warm: the first render of a page after a start compiles it, and is not what is measured here.
    for (const page of ["/", "/api/health", "/"]) await (await fetch(`${server.url}${page}`)).arrayBuffer();
    const rows: ReliabilityRow[] = [];
    rows.push(...(await signInFlood(server.url)));
    rows.push(...(await parallelExports(server.url, quick)));
    rows.push(...(await importFlood(server.url, server.pid, admin.token, dir, quick)));
    return rows;
  } finally {
    await server.stop();
    await target.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

if (import.meta.url === pathToFileURL(process.argv[1]).href) await runAlone(run);
