// Every write of the app runs through writeTransaction: one transaction on the
// writer connection, holding the database's write lock from its first statement
// (lib/db/writes.ts says why reads and writes use different connections).
import type { Prisma } from "../generated/sqlite/client";
import { ApiError } from "../api/errors";
import { getWriter, providerOf, type Db } from "./client";

export type Tx = Prisma.TransactionClient;

export interface TransactionOptions {
  /** How long the transaction may run (ms). Imports raise it. */
  timeout?: number;
}

/**
 * SQLite starts transactions deferred: one that reads first and writes later
 * fails at once with SQLITE_BUSY_SNAPSHOT if another connection committed in
 * between, and no busy timeout helps. A no-op write as the first statement takes
 * the write lock up front, so concurrent writers queue (busy_timeout) instead of
 * failing.
 */
const TAKE_SQLITE_WRITE_LOCK = `UPDATE "AuditEntry" SET "id" = "id" WHERE 1 = 0`;
/**
 * PostgreSQL would let writes run side by side, and then two reports naming
 * the same new outlet race to create it (one fails on the unique name) and two
 * naming the same new speaker create it twice. A transaction-scoped advisory
 * lock gives PostgreSQL the same rule as SQLite, across every app instance on
 * the database: one write at a time, each planned against what the previous
 * one committed. Writes here are curation — a few per second at most, imports
 * in one transaction — so queueing them costs nothing users notice; reads never
 * take the lock. (427001 is the seeding lock, lib/db/seed.ts.)
 */
const TAKE_POSTGRES_WRITE_LOCK = `SELECT pg_advisory_xact_lock(427002)`;

export async function writeTransaction<T>(
  work: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
  db: Db = getWriter(),
): Promise<T> {
  const takeWriteLock = providerOf(db) === "postgresql" ? TAKE_POSTGRES_WRITE_LOCK : TAKE_SQLITE_WRITE_LOCK;
  try {
    return await db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(takeWriteLock);
        return work(tx);
      },
      // maxWait: time to wait for the writer while another transaction (an import) holds it.
      { maxWait: 30_000, timeout: options.timeout ?? 30_000 },
    );
  } catch (error) {
    throw busyError(error) ?? error;
  }
}

/** Lock and transaction timeouts are the server being busy, not the caller's fault: 503, try again. */
function busyError(error: unknown): ApiError | null {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : "";
  if (code === "P2028" || code === "P1008" || /SQLITE_BUSY|database is locked|Transaction already closed/i.test(message)) {
    return new ApiError("service_unavailable", "The database is busy with another write; try again in a moment.");
  }
  return null;
}
