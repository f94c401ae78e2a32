// CSV import: POST /api/v1/import and the /admin/import page.
//
// Pass 1 streams the upload through csv-parse, groups rows into reports,
// validates them with the report schema and plans each chunk against the
// database — writing nothing but progress. A dry run stops there. A commit
// has also kept the upload in a temporary file; if pass 1 found no error,
// pass 2 reads that file again and writes everything in ONE transaction
// (chunk by chunk, batched inserts), re-planning against current data, so a
// problem found late still rolls back the whole import. The write lock is
// held only while reading a local file, never while a slow client uploads.
// Memory holds one chunk of reports at a time, whatever the file's size.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline, Readable, Transform, type TransformCallback } from "node:stream";
import type { Prisma } from "../generated/sqlite/client";
import { ApiError } from "../api/errors";
import { recordAudit, type Actor } from "../audit/record";
import { getPrisma, getWriter, providerOf } from "../db/client";
import { writeTransaction } from "../db/transaction";
import type { RowError } from "./columns";
import { applyChunk, ImportPlanner, type ChunkPlan } from "./plan";
import { Collected, csvParser, inChunks, readGroups } from "./read";
import { heartbeatMs, spoolPrefix, STORED_ERRORS, storableErrors, touchImportJob, trackRunningImport, type ImportSummary } from "./progress";

const PROGRESS_EVERY_MS = 300;
export const DEFAULT_MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export interface ImportOptions {
  actor: Actor;
  dryRun: boolean;
  importId?: string;
  fileName?: string | null;
  bytesTotal?: number | null;
  maxBytes?: number;
}

export interface ImportResult extends ImportSummary {
  importId: string;
  dryRun: boolean;
  /** No errors: a dry run would import; a commit did. */
  valid: boolean;
  committed: boolean;
  errorCount: number;
  errors: RowError[];
  milliseconds: number;
}

/** Counts bytes (refusing more than the limit) and, for a commit, keeps a copy for pass 2. */
class Intake extends Transform {
  bytes = 0;
  constructor(
    private readonly limit: number,
    private readonly spool: fs.WriteStream | null,
  ) {
    super();
  }
  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) {
      done(new ApiError("payload_too_large", `The file is larger than the import limit of ${Math.round(this.limit / (1024 * 1024))} MB.`));
      return;
    }
    if (!this.spool) return done(null, chunk);
    this.spool.write(chunk, (error) => done(error ?? null, chunk));
  }
}

function tally(summary: ImportSummary, plan: ChunkPlan) {
  summary.observations += plan.observations;
  for (const outcome of plan.outcomes) {
    if (outcome.kind === "create") summary.reports.created++;
    else if (outcome.kind === "update") summary.reports.updated++;
    else if (outcome.kind === "unchanged" || outcome.kind === "duplicate") summary.reports.unchanged++;
  }
}

class ImportFailed extends Error {
  constructor(readonly errors: RowError[]) {
    super("import failed");
  }
}

export async function runImport(source: ReadableStream<Uint8Array> | Readable, options: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const db = getPrisma();
  const importId = options.importId ?? crypto.randomUUID();
  const actor = options.actor;
  const limit = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  const summary: ImportSummary = { rows: 0, observations: 0, reports: { created: 0, updated: 0, unchanged: 0 } };
  const errors = new Collected(STORED_ERRORS);

  // Progress is written like every other write: queued on the writer connection (lib/db/writes.ts).
  const updateJob = (data: Prisma.ImportJobUpdateInput) => writeTransaction((tx) => tx.importJob.update({ where: { id: importId }, data }));
  try {
    await writeTransaction((tx) =>
      tx.importJob.create({
        data: { id: importId, userId: actor.userId, userEmail: actor.email, fileName: options.fileName ?? null, dryRun: options.dryRun, status: "reading", bytesTotal: options.bytesTotal ?? null },
      }),
    );
  } catch {
    throw new ApiError("conflict", `An import with the id ${importId} already exists; use a new id.`);
  }

  // Alive: touched every heartbeatMs(), so no sweep takes this import for an interrupted one (lib/import/progress.ts).
  const untrack = trackRunningImport(importId);
  const heartbeat = { pending: false, paused: false };
  const beat = setInterval(() => {
    if (heartbeat.pending || heartbeat.paused) return;
    heartbeat.pending = true;
    touchImportJob(importId)
      .catch(() => undefined)
      .finally(() => (heartbeat.pending = false));
  }, heartbeatMs());
  beat.unref();

  const spoolDir = options.dryRun ? null : fs.mkdtempSync(spoolPrefix(importId));
  const spoolPath = spoolDir ? path.join(spoolDir, "upload.csv") : null;
  const spool = spoolPath ? fs.createWriteStream(spoolPath) : null;
  // Write errors reach the upload's pipeline through Intake's write callback. An import refused at
  // once removes the spool in `finally` before this stream has even opened its file; that late
  // ENOENT has no one left to tell, and must not become an uncaught exception.
  spool?.on("error", () => undefined);
  const finish = async (data: { status: "done" | "failed"; message?: string }) => {
    await updateJob({ ...data, errorCount: errors.count, errors: storableErrors(errors.errors) as never, summary: summary as never, rowsRead: summary.rows, finishedAt: new Date() });
  };

  try {
    // Pass 1: read, check, plan; write nothing but progress.
    const input = source instanceof Readable ? source : Readable.fromWeb(source as import("node:stream/web").ReadableStream<Uint8Array>);
    const intake = new Intake(limit, spool);
    const parser = csvParser();
    // pipeline() destroys every stage on an error (too large, client gone), and the parser's iterator throws it.
    pipeline(input, intake, parser, () => undefined);
    const stats = { rows: 0 };
    let lastProgress = 0;
    const planner = new ImportPlanner(db);
    for await (const chunk of inChunks(readGroups(parser, errors, stats))) {
      const plan = await planner.plan(chunk);
      plan.errors.forEach((e) => errors.add(e));
      tally(summary, plan);
      summary.rows = stats.rows;
      if (Date.now() - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        await updateJob({ bytesRead: intake.bytes, rowsRead: stats.rows, errorCount: errors.count });
      }
    }
    summary.rows = stats.rows;
    await new Promise<void>((resolve, reject) => (spool ? spool.end((error?: Error | null) => (error ? reject(error) : resolve())) : resolve()));
    await updateJob({ bytesRead: intake.bytes, rowsRead: stats.rows, errorCount: errors.count });

    const valid = errors.count === 0;
    if (options.dryRun || !valid) {
      await finish({ status: valid ? "done" : "failed", message: valid ? "Checked: the file can be imported." : "The file has errors: nothing was written." });
      return { importId, dryRun: options.dryRun, valid, committed: false, ...summary, errorCount: errors.count, errors: errors.errors, milliseconds: Date.now() - started };
    }

    // Pass 2: one transaction for the whole file.
    await updateJob({ status: "writing" });
    // On SQLite the transaction holds the only write lock: a heartbeat would just queue behind it (and no other process can sweep meanwhile).
    heartbeat.paused = providerOf(getWriter()) === "sqlite";
    const written: ImportSummary = { rows: summary.rows, observations: 0, reports: { created: 0, updated: 0, unchanged: 0 } };
    try {
      await writeTransaction(
        async (tx) => {
          const again = new Collected(STORED_ERRORS);
          const records = csvParser();
          const file = fs.createReadStream(spoolPath!);
          // Errors reach the loop below through the pipeline. But when the loop ends early (a
          // problem in the first chunk), the file may not be open yet, and may fail to open
          // after `finally` has removed the spool: that failure has no one left to tell.
          file.on("error", () => undefined);
          pipeline(file, records, () => undefined);
          const planner = new ImportPlanner(tx);
          for await (const chunk of inChunks(readGroups(records, again, { rows: 0 }))) {
            const plan = await planner.plan(chunk);
            plan.errors.forEach((e) => again.add(e));
            if (again.count) throw new ImportFailed(again.errors);
            tally(written, plan);
            const applied = await applyChunk(tx, actor, importId, plan);
            planner.remember(applied.created);
            // A report that changed between the passes only to match the file ends up unchanged.
            written.reports.updated -= plan.outcomes.filter((o) => o.kind === "update").length - applied.updated.length;
            written.reports.unchanged += plan.outcomes.filter((o) => o.kind === "update").length - applied.updated.length;
          }
          await recordAudit(tx, actor, {
            action: "import",
            entityType: "import",
            entityId: importId,
            reason: options.fileName ?? null,
            changes: { rows: { before: null, after: written.rows }, created: { before: null, after: written.reports.created }, updated: { before: null, after: written.reports.updated }, unchanged: { before: null, after: written.reports.unchanged } },
            importId,
          });
          // "done" commits with the data: a crash can never leave a committed import looking unfinished (and so marked interrupted).
          await tx.importJob.update({
            where: { id: importId },
            data: { status: "done", message: "Imported.", errorCount: 0, errors: [] as never, summary: written as never, rowsRead: written.rows, finishedAt: new Date() },
          });
        },
        { timeout: 15 * 60 * 1000 },
      );
    } catch (error) {
      if (error instanceof ImportFailed) {
        error.errors.forEach((e) => errors.add(e));
        await finish({ status: "failed", message: "The data changed while the file was being checked; nothing was written." });
        return { importId, dryRun: false, valid: false, committed: false, ...summary, errorCount: errors.count, errors: errors.errors, milliseconds: Date.now() - started };
      }
      throw error;
    }
    Object.assign(summary, written);
    return { importId, dryRun: false, valid: true, committed: true, ...summary, errorCount: 0, errors: [], milliseconds: Date.now() - started };
  } catch (error) {
    const message = error instanceof ApiError ? error.message : "The import failed on the server; nothing was written.";
    await finish({ status: "failed", message }).catch(() => undefined);
    throw error;
  } finally {
    clearInterval(beat);
    untrack();
    spool?.destroy();
    if (spoolDir) fs.rmSync(spoolDir, { recursive: true, force: true });
  }
}
