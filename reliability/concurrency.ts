// Concurrency: 20 editors PATCH the same report over real HTTP against the
// built app, round after round. Each round: all 20 send the version they
// read (one may win, the rest must get 409), then each editor re-reads and
// retries after every 409 until its change lands. Afterwards the report must
// be exactly the successful writes applied in order (no lost update) and the
// audit trail must hold one entry per success. SQLite, and PostgreSQL when a
// server is given. Run alone: `npx tsx reliability/concurrency.ts [--quick]`.
import { pathToFileURL } from "node:url";
import { changesFromJson } from "../lib/audit/record";
import { createPrisma } from "../lib/db/client";
import { databaseConfig } from "../lib/db/config";
import { reachable } from "../lib/db/postgres";
import type { ReportJson } from "../lib/reports/types";
import { ensureBuilt, makeAdmins, mustBe, newTarget, row, runAlone, startServer, type Target } from "./server-process";
import { minimalReport } from "../tests/helpers/payloads";
import type { ReliabilityPart, ReliabilityRow } from "./types";

const EDITORS = 20;


interface Tally {
  successes: number;
  conflicts: number;
  others: Map<number, number>;
  badConflictBodies: number;
  lostUpdates: number;
  auditMismatches: number;
  retryRoundsIncomplete: number;
  notOneWinner: number;
  latencies: number[];
}

async function onTarget(target: Target, rounds: number): Promise<ReliabilityRow[]> {
  const part = `concurrency · ${target.label}`;
  const editors = await makeAdmins(target.url, EDITORS);
  const server = await startServer(target.url);
  const db = createPrisma(databaseConfig(target.url));
  const tally: Tally = { successes: 0, conflicts: 0, others: new Map(), badConflictBodies: 0, lostUpdates: 0, auditMismatches: 0, retryRoundsIncomplete: 0, notOneWinner: 0, latencies: [] };
  const call = async (editor: number, method: string, path: string, body?: unknown) => {
    const started = performance.now();
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${editors[editor].token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (method !== "GET") tally.latencies.push(performance.now() - started);
    return { status: response.status, json };
  };
  const read = async (id: number) => {
    const { status, json } = await call(0, "GET", `/api/v1/reports/${id}`);
    if (status !== 200) throw new Error(`GET report ${id} answered ${status}`);
    return json as unknown as ReportJson;
  };
  /** One PATCH; counts its status; true when it landed. */
  const patch = async (editor: number, id: number, version: number, notes: string, won: Array<{ editor: number; version: number; notes: string }>) => {
    const { status, json } = await call(editor, "PATCH", `/api/v1/reports/${id}`, { version, notes });
    if (status === 200) {
      tally.successes++;
      won.push({ editor, version: (json as unknown as ReportJson).version, notes });
      return true;
    }
    if (status === 409) {
      tally.conflicts++;
      const error = (json?.error ?? {}) as Record<string, unknown>;
      if (error.code !== "conflict" || typeof error.message !== "string" || error.yourVersion !== version || typeof error.currentVersion !== "number" || !Array.isArray(error.changes)) {
        tally.badConflictBodies++;
      }
      return false;
    }
    tally.others.set(status, (tally.others.get(status) ?? 0) + 1);
    return false;
  };

  try {
    for (let round = 0; round < rounds; round++) {
      const created = await call(0, "POST", "/api/v1/reports", minimalReport({ notes: `start ${round}` }));
      if (created.status !== 201) throw new Error(`POST report answered ${created.status}: ${JSON.stringify(created.json)}`);
      const start = created.json as unknown as ReportJson;
      const won: Array<{ editor: number; version: number; notes: string }> = [];

      // Phase 1: everyone sends the version they all read.
      await Promise.all(Array.from({ length: EDITORS }, (_, i) => patch(i, start.id, start.version, `round ${round} editor ${i} first`, won)));
      if (won.length !== 1) tally.notOneWinner++;
      // Phase 2: each editor that has not landed re-reads and retries until it does.
      const landed = new Set(won.map((w) => w.editor));
      await Promise.all(
        Array.from({ length: EDITORS }, async (_, i) => {
          for (let attempt = 0; !landed.has(i) && attempt < 100; attempt++) {
            const current = await read(start.id);
            if (await patch(i, start.id, current.version, `round ${round} editor ${i} retry`, won)) landed.add(i);
          }
        }),
      );
      if (landed.size !== EDITORS) tally.retryRoundsIncomplete++;

      // The report is the successful writes applied in order: versions start+1 … start+n, once each, the last one's change on top.
      const final = await read(start.id);
      const versions = won.map((w) => w.version).sort((a, b) => a - b);
      const chain = versions.every((v, k) => v === start.version + 1 + k);
      const last = won.find((w) => w.version === final.version);
      if (final.version !== start.version + won.length || !chain || !last || final.notes !== last.notes) tally.lostUpdates++;

      // One audit entry per success, in version order, each from the value the previous success wrote.
      const audit = await db.auditEntry.findMany({ where: { entityType: "report", entityId: String(start.id), action: "update" }, orderBy: { id: "asc" } });
      let previous = start.notes;
      let consistent = audit.length === won.length;
      for (const [k, entry] of audit.entries()) {
        const changes = changesFromJson(entry.changes);
        const success = won.find((w) => w.version === entry.version);
        if (entry.version !== start.version + 1 + k || !success || changes.notes?.before !== previous || changes.notes?.after !== success.notes) consistent = false;
        previous = success?.notes ?? null;
      }
      if (!consistent) tally.auditMismatches++;
    }
  } finally {
    await db.$disconnect();
    await server.stop();
  }

  const others = [...tally.others.values()].reduce((a, b) => a + b, 0);
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  const p99 = sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]) : 0;
  return [
    row(part, "editors × rounds", `${EDITORS} × ${rounds}`),
    row(part, "successes", tally.successes, `= ${EDITORS * rounds}`, tally.successes === EDITORS * rounds),
    row(part, "409 conflicts", tally.conflicts),
    mustBe(part, "409 bodies not in the documented shape", tally.badConflictBodies),
    { ...mustBe(part, "other statuses", others), ...(others ? { value: `${others} (${[...tally.others].map(([s, n]) => `${s}×${n}`).join(", ")})` } : {}) },
    mustBe(part, "same-version rounds without exactly one winner", tally.notOneWinner),
    mustBe(part, "lost updates (rounds)", tally.lostUpdates),
    mustBe(part, "rounds where audit entries ≠ successes", tally.auditMismatches),
    mustBe(part, "rounds where not every editor landed", tally.retryRoundsIncomplete),
    row(part, "p99 write ms", p99),
  ];
}

export const run: ReliabilityPart = async (options) => {
  ensureBuilt();
  const rounds = options.quick ? 3 : 10;
  const rows: ReliabilityRow[] = [];
  const labels: Target["label"][] = ["SQLite"];
  if (options.postgresUrl && (await reachable(options.postgresUrl))) labels.push("PostgreSQL");
  else rows.push(row("concurrency · PostgreSQL", "skipped", options.postgresUrl ? "server not reachable" : "no PostgreSQL URL given"));
  for (const label of labels) {
    const target = await newTarget(label, options.postgresUrl);
    try {
      rows.push(...(await onTarget(target, rounds)));
    } finally {
      await target.remove();
    }
  }
  return rows;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runAlone(run);
