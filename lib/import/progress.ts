// Import progress lives in the database, so any app instance can answer
// "how far is it?" while another one runs the import.
//
// An import whose server dies (SIGKILL, power cut, OOM) leaves its job row at
// "reading" or "writing". Such a job is marked failed ("interrupted") once it
// is stale: how do we tell a dead import from a live one on another instance
// of a shared PostgreSQL database? By a heartbeat, not an instance id: every
// running import touches its row's updatedAt every HEARTBEAT (progress does
// too), so a row not touched for STALE_AFTER belongs to no live process.
// An instance id alone could not say whether that instance is still alive;
// a heartbeat says so without a registry of instances. Clocks of instances
// must agree to well within STALE_AFTER (a minute by default).
//
// On SQLite a pass 2 holds the write lock, so its heartbeat cannot be written:
// within its own process the import is known live (`live` below); another
// process on the same file cannot write its mark until pass 2 ends, and pass
// 2 commits the job's "done" in the same transaction as the data. A mark that
// came too early is overwritten by the truth in every case: the final status
// is always written by the import itself, after any sweep.
//
// "Nothing was written" holds for every interrupted job: pass 1 writes only
// progress, and pass 2 writes everything, including its own "done", in one
// transaction, so a job still running in the database committed nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Prisma } from "../generated/sqlite/client";
import type { Db } from "../db/client";
import { getWriter, providerOf } from "../db/client";
import { writeTransaction, type Tx } from "../db/transaction";
import type { RowError } from "./columns";

export const STORED_ERRORS = 1000;

/**
 * Errors as they can be stored: they quote the file (a column's name, a
 * cell's value), and PostgreSQL keeps no NUL in text or JSON, so a file with
 * one failed its own progress update (a 500). NUL becomes U+FFFD (the answer
 * itself keeps the text as read).
 */
export function storableErrors(errors: readonly RowError[]): RowError[] {
  const clean = (text: string) => text.replace(/\u0000/g, "\uFFFD");
  return errors.map((e) => ({ row: e.row, column: clean(e.column), message: clean(e.message) }));
}

export type ImportStatus = "reading" | "writing" | "done" | "failed";

export interface ImportSummary {
  rows: number;
  observations: number;
  reports: { created: number; updated: number; unchanged: number };
}

export interface ImportJobJson {
  id: string;
  status: ImportStatus;
  dryRun: boolean;
  fileName: string | null;
  user: string | null;
  bytesTotal: number | null;
  bytesRead: number;
  rowsRead: number;
  errorCount: number;
  errors: RowError[];
  summary: ImportSummary | null;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
}

type Row = Prisma.ImportJobGetPayload<object>;

export const RUNNING_STATUSES: readonly ImportStatus[] = ["reading", "writing"];

export const INTERRUPTED_MESSAGE = "Interrupted: the server stopped before this import finished. Nothing was written; run the import again.";

/** How long a running job may go untouched before it counts as interrupted (IMPORT_STALE_SECONDS, default 60). */
export function staleAfterMs(): number {
  const seconds = Number(process.env.IMPORT_STALE_SECONDS);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000;
}

/** How often a running import touches its row: several beats fit in the stale window. */
export function heartbeatMs(): number {
  return Math.max(100, Math.floor(staleAfterMs() / 6));
}

/**
 * One heartbeat of a running import. On PostgreSQL it does not take its turn
 * under the write lock (lib/db/transaction.ts): it touches only its own job's
 * row, and must go on while its own pass 2 holds that lock for minutes, or
 * other instances would show a live import as interrupted. On SQLite it queues
 * on the writer like every write (and is paused during pass 2, which holds the
 * only write lock).
 */
export function touchImportJob(importId: string, db: Db = getWriter()): Promise<unknown> {
  const touch = (client: Db | Tx) => client.importJob.updateMany({ where: { id: importId, status: { in: [...RUNNING_STATUSES] } }, data: { updatedAt: new Date() } });
  return providerOf(db) === "postgresql" ? touch(db) : writeTransaction((tx) => touch(tx), {}, db);
}

/** The imports running in this process (kept across hot reloads). */
const live: Set<string> = ((globalThis as { crdLiveImports?: Set<string> }).crdLiveImports ??= new Set<string>());

/** Marks an import as running here until the returned function is called. */
export function trackRunningImport(id: string): () => void {
  live.add(id);
  return () => live.delete(id);
}

/** A job that says it is running but whose process is gone. */
export function isInterrupted(row: Pick<Row, "id" | "status" | "updatedAt">, now = Date.now()): boolean {
  return (RUNNING_STATUSES as readonly string[]).includes(row.status) && !live.has(row.id) && now - row.updatedAt.getTime() > staleAfterMs();
}

/**
 * Marks every interrupted job failed, with a message saying so. Runs at start
 * (instrumentation.ts) and after reads that found one. The conditions are
 * checked again in the UPDATE, so a job that beat or finished meanwhile is left alone.
 */
export async function markInterruptedImports(db: Db = getWriter()): Promise<string[]> {
  const cutoff = new Date(Date.now() - staleAfterMs());
  const where = { status: { in: [...RUNNING_STATUSES] }, updatedAt: { lt: cutoff }, id: { notIn: [...live] } };
  const marked = await writeTransaction(
    async (tx) => {
      const ids = (await tx.importJob.findMany({ where, select: { id: true } })).map((row) => row.id);
      if (ids.length === 0) return [];
      await tx.importJob.updateMany({ where: { ...where, id: { in: ids.filter((id) => !live.has(id)) } }, data: { status: "failed", message: INTERRUPTED_MESSAGE, finishedAt: new Date() } });
      return ids;
    },
    {},
    db,
  );
  removeSpools(marked);
  return marked;
}

/**
 * Where a commit keeps its upload for pass 2 (a temporary directory made with
 * this prefix): named by the import, so the copy a killed import left behind
 * (up to the import limit in size) can be found and removed.
 */
export function spoolPrefix(importId: string): string {
  return path.join(os.tmpdir(), /^[0-9a-f-]{1,64}$/i.test(importId) ? `crd-import-${importId}-` : "crd-import-");
}

/** Removes the uploads interrupted imports left in this machine's temporary directory. */
export function removeSpools(importIds: readonly string[]): void {
  if (importIds.length === 0) return;
  const prefixes = importIds.map((id) => path.basename(spoolPrefix(id))).filter((prefix) => prefix !== "crd-import-");
  let names: string[] = [];
  try {
    names = fs.readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    if (prefixes.some((prefix) => name.startsWith(prefix))) fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

let sweeping: Promise<unknown> | null = null;

/** A sweep in the background: a read never waits for the writer (an import may hold it for minutes). */
function sweepSoon(): void {
  sweeping ??= markInterruptedImports()
    .catch(() => undefined)
    .finally(() => (sweeping = null));
}

export function importJobJson(row: Row, now = Date.now()): ImportJobJson {
  // Shown as what it is at once; the row itself is corrected by a sweep.
  const interrupted = isInterrupted(row, now);
  return {
    id: row.id,
    status: interrupted ? "failed" : (row.status as ImportStatus),
    dryRun: row.dryRun,
    fileName: row.fileName,
    user: row.userEmail,
    bytesTotal: row.bytesTotal,
    bytesRead: row.bytesRead,
    rowsRead: row.rowsRead,
    errorCount: row.errorCount,
    errors: (row.errors as RowError[] | null) ?? [],
    summary: (row.summary as ImportSummary | null) ?? null,
    message: interrupted ? INTERRUPTED_MESSAGE : row.message,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function getImportJob(db: Db, id: string): Promise<ImportJobJson | null> {
  const row = await db.importJob.findUnique({ where: { id } });
  if (row && isInterrupted(row)) sweepSoon();
  return row ? importJobJson(row) : null;
}

export async function recentImportJobs(db: Db, limit = 10): Promise<ImportJobJson[]> {
  const rows = await db.importJob.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  if (rows.some((row) => isInterrupted(row))) sweepSoon();
  return rows.map((row) => importJobJson(row));
}
