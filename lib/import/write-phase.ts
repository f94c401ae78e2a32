// An import's pass 2 holds the app's write lock for as long as it writes (one
// transaction, so that a file is imported whole or not at all): SQLite's only
// write lock, or on PostgreSQL the advisory lock every writeTransaction takes
// (lib/db/transaction.ts). Signing in writes under that lock too (the attempt
// counters, lib/auth/rate-limit.ts), so a sign-in during that phase waited
// for the lock until the busy timeout (30 s) and then failed with a 500.
// Asking first lets it answer at once: 503, try again in a few seconds.
import { getPrisma, type Db } from "../db/client";
import { isInterrupted } from "./progress";

/** Seconds a client is asked to wait: a pass 2 of a large file takes about this long. */
export const RETRY_AFTER_SECONDS = 10;

/**
 * Whether an import is writing now and so holds the write lock. A "writing"
 * job counts while it is live: in this process, or touched within the stale
 * window (progress.ts) by another one (on PostgreSQL its heartbeat goes on
 * during pass 2; on SQLite another process's pass 2 cannot beat, so past that
 * window a sign-in there waits for the lock as before).
 */
export async function importHoldsWriteLock(db: Db = getPrisma()): Promise<boolean> {
  const rows = await db.importJob.findMany({ where: { status: "writing", dryRun: false }, select: { id: true, status: true, updatedAt: true }, take: 20 });
  return rows.some((row) => !isInterrupted(row));
}

/** The answer to a write that would only wait for the lock. */
export function busyWithImport(): Response {
  return Response.json(
    {
      code: "IMPORT_IN_PROGRESS",
      message: `An import is being written to the database right now. Try again in ${RETRY_AFTER_SECONDS} seconds.`,
    },
    { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}
