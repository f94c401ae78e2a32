// Part 5 of `npm run reliability`: backups taken while the app is being
// written to, then restored under the running app.
//
// The built app runs on a fresh database; four writers create reports through
// the API without pause. Halfway, `npm run db:backup` runs (the command the
// README gives: SQLite's online backup API, or pg_dump), and writes go on
// during and after it; one report acknowledged before the backup is then
// corrected. `npm run db:restore` puts the backup back while the app still
// runs. Checked: every write acknowledged before the backup started is in it;
// nothing acknowledged after it finished is; the backup passes SQLite's
// integrity check and holds whole reports only (each with its observations
// and its audit entry); after the restore the app serves exactly the backup's
// data — the correction undone, later reports gone.
//
//   npx tsx reliability/backup.ts [--quick]   (PostgreSQL too when TEST_DATABASE_URL is set)
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseConfig } from "../lib/db/config";
import { prepareDatabase } from "../lib/db/prepare";
import { createDatabase, dropDatabase, withDatabase } from "../lib/db/postgres";
import { buildIfNeeded } from "../scripts/next";
import { startApp, type RunningApp } from "../bench/server";
import { makeAdmins, runAlone } from "./server-process";
import type { ReliabilityOptions, ReliabilityPart, ReliabilityRow } from "./types";

const TARGETS = ["PE", "CL", "AR", "BR", "MX", "CO", "EC", "UY"];

function report(writer: number, n: number) {
  return {
    targetCountry: TARGETS[(writer + n) % TARGETS.length],
    metric: "cyberattacks",
    periodStart: "2021-01-01",
    periodEnd: "2021-12-31",
    statedOn: "2022-01-15",
    status: "published",
    speakers: [{ name: `Writer ${writer}`, role: "Spokesperson", country: "PE", subject: "figure" }],
    citations: [{ outlet: { name: "Backup Wire", kind: "wire_agency" }, kind: "article", url: `https://wire.example/${writer}/${n}` }],
    observations: [
      { count: writer * 1_000_000 + n, qualifier: "exact", scope: { type: "all" } },
      { count: n, qualifier: "at_least", scope: { type: "country", code: "US" } },
    ],
  };
}


/** `npm run db:<command> -- <file>` against `url`, as a separate process; resolves when it exits. */
function dbCommand(command: "backup" | "restore", url: string, file: string): Promise<{ ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/db.ts", command, file], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve({ ms: Date.now() - started }) : reject(new Error(`db:${command} exited ${code}: ${stderr.trim()}`))));
  });
}

interface Ack {
  id: number;
  /** When the request was sent, and when its 201 arrived. */
  sent: number;
  at: number;
}

/** Writers creating reports until `stop()`: what was acknowledged, and when. */
function writeBurst(app: RunningApp, token: string, writers: number) {
  const acks: Ack[] = [];
  const failures: string[] = [];
  let running = true;
  const loops = Array.from({ length: writers }, async (_, writer) => {
    for (let n = 0; running; n++) {
      const sent = Date.now();
      try {
        const response = await fetch(`${app.url}/api/v1/reports`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(report(writer + 1, n)),
        });
        const body = (await response.json()) as { id?: number };
        if (response.status === 201 && typeof body.id === "number") acks.push({ id: body.id, sent, at: Date.now() });
        else failures.push(`${response.status} ${JSON.stringify(body).slice(0, 200)}`);
      } catch (error) {
        failures.push(String(error));
      }
    }
  });
  return {
    acks,
    failures,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

interface Contents {
  reports: Map<number, string>;
  /** Reports without observations or without their audit entry: a torn write. */
  torn: number;
}

const CONTENT_SQL = {
  reports: `SELECT r.id AS id, r.version AS version, r.notes AS notes, r."targetCountryCode" AS target,
              (SELECT COUNT(*) FROM "Observation" o WHERE o."reportId" = r.id) AS observations,
              (SELECT COUNT(*) FROM "AuditEntry" a WHERE a."entityType" = 'report' AND a."entityId" = CAST(r.id AS TEXT)) AS audits
            FROM "Report" r ORDER BY r.id`,
};

function summarise(rows: Array<Record<string, unknown>>, seeded: Set<number>): Contents {
  const reports = new Map<number, string>();
  let torn = 0;
  for (const row of rows) {
    const id = Number(row.id);
    reports.set(id, JSON.stringify([row.version, row.notes, row.target, Number(row.observations)]));
    if (!seeded.has(id) && (Number(row.observations) !== 2 || Number(row.audits) < 1)) torn++;
  }
  return { reports, torn };
}

async function readContents(provider: "sqlite" | "postgresql", location: string, seeded: Set<number>): Promise<Contents> {
  if (provider === "sqlite") {
    const db = new Database(location, { readonly: true, fileMustExist: true });
    try {
      return summarise(db.prepare(CONTENT_SQL.reports).all() as Array<Record<string, unknown>>, seeded);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  try {
    return summarise((await client.query(CONTENT_SQL.reports)).rows, seeded);
  } finally {
    await client.end();
  }
}

/** A database with a pg_dump backup restored into it, to read what the backup holds. */
async function pgBackupContents(server: string, file: string, seeded: Set<number>): Promise<Contents> {
  const name = `crd_backup_check_${process.pid}_${Date.now().toString(36)}`;
  const url = await createDatabase(server, name);
  try {
    execFileSync("pg_restore", ["--no-owner", "--dbname", url, file], { stdio: ["ignore", "ignore", "pipe"] });
    return await readContents("postgresql", url, seeded);
  } finally {
    await dropDatabase(server, name);
  }
}

function sameContents(a: Contents, b: Contents): boolean {
  if (a.reports.size !== b.reports.size) return false;
  for (const [id, value] of a.reports) if (b.reports.get(id) !== value) return false;
  return true;
}

async function runOn(provider: "sqlite" | "postgresql", options: ReliabilityOptions): Promise<ReliabilityRow[]> {
  const part = `backup · ${provider === "sqlite" ? "SQLite" : "PostgreSQL"}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crd-reliability-backup-"));
  const pgName = `crd_reliability_backup_${process.pid}_${Date.now().toString(36)}`;
  const url = provider === "sqlite" ? `file:${path.join(dir, "app.db")}` : withDatabase(options.postgresUrl!, pgName);
  const location = provider === "sqlite" ? path.join(dir, "app.db") : url;
  const backupFile = path.join(dir, provider === "sqlite" ? "backup.db" : "backup.dump");
  const seconds = options.quick ? 2 : 6;
  let app: RunningApp | null = null;
  try {
    await prepareDatabase(databaseConfig(url), { seed: true });
    const [{ token }] = await makeAdmins(url, 1);
    const seeded = new Set((await readContents(provider, location, new Set())).reports.keys());
    app = await startApp(url);
    const burst = writeBurst(app, token, 4);
    // At least `seconds` of writing, and at least 20 reports, before the backup.
    const until = Date.now() + seconds * 1000;
    while ((Date.now() < until || burst.acks.length < 20) && burst.failures.length === 0) await new Promise((r) => setTimeout(r, 100));
    const backupStarted = Date.now();
    const { ms: backupMs } = await dbCommand("backup", url, backupFile);
    const backupEnded = Date.now();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    await burst.stop();

    // A correction after the backup, which the restore must undo.
    const corrected = burst.acks.find((ack) => ack.at < backupStarted);
    if (!corrected) throw new Error(`no write was acknowledged before the backup started: ${burst.failures.slice(0, 3).join("; ")}`);
    const current = (await (await fetch(`${app.url}/api/v1/reports/${corrected.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { version: number };
    const patch = await fetch(`${app.url}/api/v1/reports/${corrected.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ version: current.version, notes: "corrected after the backup" }),
    });
    if (patch.status !== 200) throw new Error(`the correction answered ${patch.status}: ${await patch.text()}`);

    const backup = provider === "sqlite" ? await readContents("sqlite", backupFile, seeded) : await pgBackupContents(options.postgresUrl!, backupFile, seeded);
    const before = burst.acks.filter((ack) => ack.at < backupStarted);
    // Acknowledged before the backup started: must be in it. Sent after it ended: must not be.
    // (A write sent during the backup may or may not be, by when it committed.)
    const after = burst.acks.filter((ack) => ack.sent > backupEnded);
    const missing = before.filter((ack) => !backup.reports.has(ack.id)).length;
    const fromTheFuture = after.filter((ack) => backup.reports.has(ack.id)).length;

    const { ms: restoreMs } = await dbCommand("restore", url, backupFile);
    const restored = await readContents(provider, location, seeded);
    // The running app, not only the file, serves the restored data.
    const servedCorrected = (await (await fetch(`${app.url}/api/v1/reports/${corrected.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { notes: string | null };
    const laterGone = after.length ? (await fetch(`${app.url}/api/v1/reports/${after.at(-1)!.id}`, { headers: { authorization: `Bearer ${token}` } })).status === 404 : true;
    const dashboard = (await fetch(`${app.url}/api/v1/dashboard/timeline`)).status;
    const appServesBackup = servedCorrected.notes !== "corrected after the backup" && laterGone && dashboard === 200;

    return [
      { part, metric: "writes acknowledged (before / during / after backup)", value: `${before.length} / ${burst.acks.length - before.length - after.length} / ${after.length}`, ok: before.length > 0 && after.length > 0 },
      { part, metric: "write errors during backup", value: burst.failures.length ? `${burst.failures.length}: ${burst.failures[0].slice(0, 120)}` : 0, target: "0", ok: burst.failures.length === 0 },
      { part, metric: "backup seconds (db:backup while writing)", value: (backupMs / 1000).toFixed(1), ok: true },
      { part, metric: "acknowledged writes missing from backup", value: missing, target: "0", ok: missing === 0 },
      { part, metric: "writes after backup found in it", value: fromTheFuture, target: "0", ok: fromTheFuture === 0 },
      { part, metric: "torn reports in backup", value: backup.torn, target: "0", ok: backup.torn === 0 },
      { part, metric: "restore seconds (db:restore, app running)", value: (restoreMs / 1000).toFixed(1), ok: true },
      { part, metric: "restored database = backup", value: sameContents(restored, backup) ? "yes" : "no", target: "yes", ok: sameContents(restored, backup) },
      { part, metric: "app serves the restored data", value: appServesBackup ? "yes" : "no", target: "yes", ok: appServesBackup },
    ];
  } finally {
    await app?.stop();
    if (provider === "postgresql") await dropDatabase(options.postgresUrl!, pgName).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const run: ReliabilityPart = async (options) => {
  buildIfNeeded();
  const rows = await runOn("sqlite", options);
  if (options.postgresUrl) rows.push(...(await runOn("postgresql", options)));
  return rows;
};

if (import.meta.url === `file://${process.argv[1]}`) await runAlone(run);
