// Reads the reports of an export a batch at a time, as Report JSON, in
// descending id order (see lib/reports/batch.ts).
//
// On SQLite the queries run on a read-only better-sqlite3 connection of the
// export's own: going through the ORM costs more than the database does for
// exports of millions of rows, and SQLite in WAL mode lets this reader work
// beside the app's writer. On PostgreSQL they go through Prisma.
import Database from "better-sqlite3";
import { Prisma } from "../generated/sqlite/client";
import { configOf, providerOf, type Db } from "../db/client";
import { reportFilterSql } from "../dashboard/sql";
import type { DashboardFilters } from "../dashboard/filters";
import type { ReportJson } from "../reports/types";
import { REPORT_BATCH, loadReports, type Row, type Run } from "../reports/batch";

/** Reports per batch: few enough to keep memory flat. */
export const EXPORT_BATCH = REPORT_BATCH;
/**
 * Reports per batch of a whole-table read: each of its statements runs
 * synchronously on SQLite, so a batch is kept to a few milliseconds of the
 * event loop, and the reader lets other requests run between statements.
 */
export const READ_BATCH = 100;

/** Lets I/O callbacks (other requests) run before going on. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every report the filters select, newest id first, a batch at a time. */
export async function* reportBatches(db: Db, filters: DashboardFilters): AsyncGenerator<ReportJson[]> {
  let run: Run;
  let close = () => {};
  if (providerOf(db) === "sqlite") {
    const connection = new Database(configOf(db).filePath!, { readonly: true, fileMustExist: true });
    const statements = new Map<string, Database.Statement>();
    run = async (query) => {
      let statement = statements.get(query.sql);
      if (!statement) statements.set(query.sql, (statement = connection.prepare(query.sql)));
      const rows = statement.all(...query.values.map((v) => (typeof v === "boolean" ? Number(v) : v))) as Row[];
      // better-sqlite3 blocks while it reads: eight exports at once must not hold up /api/health.
      await yieldToOthers();
      return rows;
    };
    close = () => connection.close();
  } else {
    run = (query) => db.$queryRaw<Row[]>(query);
  }
  try {
    let after: number | null = null;
    for (;;) {
      const cursor: Prisma.Sql = after === null ? Prisma.empty : Prisma.sql` AND r."id" < ${after}`;
      const ids: number[] = (
        await run(Prisma.sql`SELECT r."id" AS id FROM "Report" r WHERE ${reportFilterSql(filters)}${cursor} ORDER BY r."id" DESC LIMIT ${READ_BATCH}`)
      ).map((row) => Number(row.id));
      if (ids.length === 0) return;
      yield await loadReports(run, ids);
      await yieldToOthers();
      after = ids[ids.length - 1];
    }
  } finally {
    close();
  }
}

