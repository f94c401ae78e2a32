// Crash safety: the built app is killed with SIGKILL (a) in the middle of a
// large CSV import, in pass 1 or during pass 2's one transaction, and (b) in
// the middle of a burst of concurrent writes. After each kill the app is
// started again on the same database, which must open cleanly (SQLite:
// PRAGMA integrity_check = ok), answer, hold none of the import (all or
// nothing), show the import as interrupted rather than running, and hold
// every write that was acknowledged (2xx) with at least its version.
// Run alone: `npx tsx reliability/crash.ts [--quick]`.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { createPrisma } from "../lib/db/client";
import { databaseConfig } from "../lib/db/config";
import { reachable } from "../lib/db/postgres";
import { spoolPrefix } from "../lib/import/progress";
import { writeImportFile } from "./import-file";
import { ensureBuilt, makeAdmins, mustBe, newTarget, row, runAlone, sleep, startServer, type ServerProcess, type Target } from "./server-process";
import type { ReliabilityPart, ReliabilityRow } from "./types";

/** The restarted app marks a dead import interrupted after this many seconds without a heartbeat. */
const STALE_SECONDS = 3;
const SERVER_ENV = { IMPORT_STALE_SECONDS: String(STALE_SECONDS) };

const random = (min: number, max: number) => min + Math.random() * (max - min);

/** SQLite: the file opened on its own, as the next start will, and checked page by page. */
function integrity(target: Target): string {
  if (!target.filePath) return "ok"; // PostgreSQL recovers from its own WAL; a server crash is not ours to simulate
  const db = new Database(target.filePath, { timeout: 10_000 });
  try {
    const result = db.pragma("integrity_check") as Array<{ integrity_check: string }>;
    const foreignKeys = db.pragma("foreign_key_check") as unknown[];
    const text = result.map((r) => r.integrity_check).join("; ");
    return text === "ok" && foreignKeys.length === 0 ? "ok" : `${text}; ${foreignKeys.length} foreign key violations`;
  } finally {
    db.close();
  }
}

function integrityRow(target: Target, part: string, failures: number): ReliabilityRow {
  return target.filePath ? mustBe(part, "integrity failures", failures) : row(part, "integrity failures", "n/a (PostgreSQL recovers itself; only the app was killed)");
}

async function counts(target: Target) {
  const db = createPrisma(databaseConfig(target.url));
  try {
    const [reports, observations, audit] = await Promise.all([db.report.count(), db.observation.count(), db.auditEntry.count()]);
    return { reports, observations, audit };
  } finally {
    await db.$disconnect();
  }
}

async function answers(server: ServerProcess): Promise<boolean> {
  const health = await fetch(`${server.url}/api/health`).catch(() => null);
  const list = await fetch(`${server.url}/api/v1/reports?limit=1`).catch(() => null);
  return health?.status === 200 && list?.status === 200;
}

interface ImportTally {
  runs: number;
  killedInPass1: number;
  killedInPass2: number;
  completedBeforeKill: number;
  integrityFailures: number;
  notAnswering: number;
  partialImports: number;
  jobsShownRunning: number;
  jobsLeftRunning: number;
  spoolsLeft: number;
}

async function importCrashes(target: Target, runs: number, file: string, fileReports: number): Promise<ReliabilityRow[]> {
  const part = `crash · import · ${target.label}`;
  const [admin] = await makeAdmins(target.url, 1);
  const headers = { authorization: `Bearer ${admin.token}` };
  const bytes = fs.statSync(file).size;
  const tally: ImportTally = { runs: 0, killedInPass1: 0, killedInPass2: 0, completedBeforeKill: 0, integrityFailures: 0, notAnswering: 0, partialImports: 0, jobsShownRunning: 0, jobsLeftRunning: 0, spoolsLeft: 0 };
  let rowsPerSecond = 0;

  for (let i = 0; i < runs; i++) {
    tally.runs++;
    const before = await counts(target);
    const server = await startServer(target.url, SERVER_ENV);
    const importId = crypto.randomUUID();
    // Alternate: killed while reading and checking (pass 1), or inside pass 2's transaction.
    const inPass2 = i % 2 === 0;
    const killAtFraction = random(0.1, 0.9);
    const upload = fetch(`${server.url}/api/v1/import?dryRun=false&importId=${importId}&fileName=crash.csv`, {
      method: "POST",
      headers: { ...headers, "content-type": "text/csv", "content-length": String(bytes) },
      body: fs.createReadStream(file) as never,
      duplex: "half",
    } as RequestInit)
      .then((response) => response.status)
      .catch(() => "killed" as const);
    const started = Date.now();
    let killedIn: "pass 1" | "pass 2" | null = null;
    let writingSince = 0;
    // Pass 2 takes about as long as pass 1: a random point of it, from its first statement to (sometimes) past its end.
    let pass2Delay = 0;
    while (killedIn === null) {
      const settled = await Promise.race([upload, sleep(100).then(() => null)]);
      if (settled !== null) break; // the import finished (or failed) before the moment came
      const job = (await (await fetch(`${server.url}/api/v1/import/${importId}`, { headers })).json().catch(() => null)) as { status?: string; rowsRead?: number } | null;
      if (!job?.status) continue;
      if (!inPass2 && job.status === "reading" && (job.rowsRead ?? 0) >= killAtFraction * fileReports * 2) killedIn = "pass 1";
      if (job.status === "writing") {
        if (!writingSince) {
          writingSince = Date.now();
          pass2Delay = random(0, 1.2) * (writingSince - started);
        }
        if (!inPass2 || Date.now() - writingSince >= pass2Delay) killedIn = "pass 2";
      }
      if (job.status === "done" || job.status === "failed") break;
      if (killedIn) await server.kill();
    }
    if (killedIn === "pass 1") tally.killedInPass1++;
    else if (killedIn === "pass 2") tally.killedInPass2++;
    else {
      tally.completedBeforeKill++;
      rowsPerSecond = Math.round((fileReports * 2) / ((Date.now() - started) / 1000));
      await server.kill();
    }
    await upload;

    // The file as the next start finds it.
    if (integrity(target) !== "ok") tally.integrityFailures++;
    const restarted = await startServer(target.url, SERVER_ENV);
    try {
      if (!(await answers(restarted))) tally.notAnswering++;
      const after = await counts(target);
      const none = after.reports === before.reports && after.observations === before.observations;
      const all = after.reports === before.reports + fileReports && after.observations === before.observations + fileReports * 2;
      if (killedIn ? !none : !(none || all)) tally.partialImports++;

      // The job must not stay "running": shown interrupted once its heartbeat is stale, and the row marked.
      const deadline = Date.now() + (STALE_SECONDS + 15) * 1000;
      type Shown = { status?: string; message?: string | null } | null;
      let shown: Shown = null;
      let stored: string | undefined;
      for (;;) {
        shown = (await (await fetch(`${restarted.url}/api/v1/import/${importId}`, { headers })).json().catch(() => null)) as Shown;
        const db = createPrisma(databaseConfig(target.url));
        stored = (await db.importJob.findUnique({ where: { id: importId } }).finally(() => db.$disconnect()))?.status;
        const settled = shown?.status !== "reading" && shown?.status !== "writing" && stored !== "reading" && stored !== "writing";
        if (settled || Date.now() > deadline) break;
        await sleep(500);
      }
      if (shown?.status === "reading" || shown?.status === "writing" || (killedIn && !/interrupted/i.test(shown?.message ?? ""))) tally.jobsShownRunning++;
      if (stored === "reading" || stored === "writing") tally.jobsLeftRunning++;
      // The copy of the upload kept for pass 2 goes with the job (same machine here), just after the row is marked.
      const spoolLeft = () => fs.readdirSync(os.tmpdir()).some((name) => name.startsWith(path.basename(spoolPrefix(importId))));
      for (const until = Date.now() + 5000; spoolLeft() && Date.now() < until; ) await sleep(200);
      if (spoolLeft()) tally.spoolsLeft++;
    } finally {
      await restarted.stop();
    }
    if (integrity(target) !== "ok") tally.integrityFailures++;
  }

  return [
    row(part, "crash runs", tally.runs),
    row(part, "killed in pass 1 / in pass 2 / finished first", `${tally.killedInPass1} / ${tally.killedInPass2} / ${tally.completedBeforeKill}`),
    row(part, "import file", `${fileReports * 2} rows, ${Math.round(bytes / 1_048_576)} MiB`),
    ...(rowsPerSecond ? [row(part, "rows/s when not killed", rowsPerSecond)] : []),
    integrityRow(target, part, tally.integrityFailures),
    mustBe(part, "restarts not answering", tally.notAnswering),
    mustBe(part, "partial imports", tally.partialImports),
    mustBe(part, "imports still shown running after restart", tally.jobsShownRunning),
    mustBe(part, "import jobs left running in the database", tally.jobsLeftRunning),
    mustBe(part, "upload copies left in the temporary directory", tally.spoolsLeft),
  ];
}

interface BurstTally {
  runs: number;
  acknowledged: number;
  lost: number;
  serverErrors: number;
  integrityFailures: number;
  notAnswering: number;
}

const REPORT = {
  targetCountry: "PE",
  metric: "cyberattacks",
  periodStart: "2020-01-01",
  periodEnd: "2020-12-31",
  status: "published",
  speakers: [{ name: "Ana Torres", role: "Minister of Defence", country: "PE", subject: "figure" }],
  citations: [{ outlet: { name: "Agencia Andina", kind: "government" }, kind: "press_release" }],
  observations: [{ count: 1200, qualifier: "approximately", scope: { type: "all" } }],
};

async function burstCrashes(target: Target, runs: number, writers: number): Promise<ReliabilityRow[]> {
  const part = `crash · write burst · ${target.label}`;
  const admins = await makeAdmins(target.url, writers);
  const tally: BurstTally = { runs: 0, acknowledged: 0, lost: 0, serverErrors: 0, integrityFailures: 0, notAnswering: 0 };

  for (let i = 0; i < runs; i++) {
    tally.runs++;
    const server = await startServer(target.url);
    const acknowledged = new Map<number, number>(); // report id → highest version a 2xx answered with
    let killed = false;
    const send = async (writer: number, method: string, urlPath: string, body: unknown) => {
      const response = await fetch(`${server.url}${urlPath}`, {
        method,
        headers: { authorization: `Bearer ${admins[writer].token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const json = (await response.json().catch(() => null)) as { id?: number; version?: number } | null;
      if (response.status >= 500 && !killed) tally.serverErrors++;
      if (response.ok && json?.id !== undefined && json.version !== undefined) {
        // Acknowledged: the client was told it is written.
        acknowledged.set(json.id, Math.max(acknowledged.get(json.id) ?? 0, json.version));
        return json as { id: number; version: number };
      }
      return null;
    };
    const writer = async (w: number) => {
      for (let n = 0; !killed; n++) {
        try {
          const created = await send(w, "POST", "/api/v1/reports", { ...REPORT, notes: `writer ${w} report ${n}` });
          let current = created;
          for (let k = 0; current && k < 3 && !killed; k++) {
            current = (await send(w, "PATCH", `/api/v1/reports/${current.id}`, { version: current.version, notes: `writer ${w} report ${n} edit ${k}` })) ?? null;
          }
        } catch {
          // the server is gone
        }
      }
    };
    const running = Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
    // Once the burst is in full swing (the first requests of a new server are slow), a random moment later.
    const warm = Date.now() + 20_000;
    while (acknowledged.size < writers && Date.now() < warm) await sleep(50);
    await sleep(random(300, 3000));
    killed = true;
    await server.kill();
    await running;
    tally.acknowledged += acknowledged.size === 0 ? 0 : [...acknowledged.values()].reduce((a, b) => a + b, 0);

    if (integrity(target) !== "ok") tally.integrityFailures++;
    const restarted = await startServer(target.url);
    try {
      if (!(await answers(restarted))) tally.notAnswering++;
      const db = createPrisma(databaseConfig(target.url));
      try {
        const stored = new Map((await db.report.findMany({ where: { id: { in: [...acknowledged.keys()] } }, select: { id: true, version: true } })).map((r) => [r.id, r.version]));
        for (const [id, version] of acknowledged) {
          const have = stored.get(id);
          // Every acknowledged version of the report is lost if the report is missing; otherwise those above what is stored.
          if (have === undefined) tally.lost += version;
          else if (have < version) tally.lost += version - have;
        }
      } finally {
        await db.$disconnect();
      }
    } finally {
      await restarted.stop();
    }
  }

  return [
    row(part, "crash runs", tally.runs),
    row(part, "concurrent writers", writers),
    row(part, "acknowledged writes", tally.acknowledged, "≥ 1", tally.acknowledged >= 1),
    mustBe(part, "acknowledged writes lost", tally.lost),
    mustBe(part, "5xx before the kill", tally.serverErrors),
    integrityRow(target, part, tally.integrityFailures),
    mustBe(part, "restarts not answering", tally.notAnswering),
  ];
}

export const run: ReliabilityPart = async (options) => {
  ensureBuilt();
  const runs = options.quick ? 2 : 6;
  const rows: ReliabilityRow[] = [];
  const labels: Target["label"][] = ["SQLite"];
  if (options.postgresUrl && (await reachable(options.postgresUrl))) labels.push("PostgreSQL");
  else rows.push(row("crash · PostgreSQL", "skipped", options.postgresUrl ? "server not reachable" : "no PostgreSQL URL given"));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crd-crash-"));
  try {
    const file = path.join(dir, "import.csv");
    const { reports } = await writeImportFile(file, options.quick ? 50_000 : 100_000);
    for (const label of labels) {
      const importTarget = await newTarget(label, options.postgresUrl, { seed: true });
      try {
        rows.push(...(await importCrashes(importTarget, runs, file, reports)));
      } finally {
        await importTarget.remove();
      }
      const burstTarget = await newTarget(label, options.postgresUrl, { seed: true });
      try {
        rows.push(...(await burstCrashes(burstTarget, runs, 8)));
      } finally {
        await burstTarget.remove();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runAlone(run);
