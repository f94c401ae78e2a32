// The floor under the app: the same SQL the app runs for an answer, run
// directly on the database file. The statements are captured from Prisma's
// query log while the app's own function computes the answer, then replayed
// through better-sqlite3 on a connection of their own.
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../lib/generated/sqlite/client";
import type { Db } from "../lib/db/client";

export interface Statement {
  sql: string;
  params: unknown[];
}

export async function captureStatements(file: string, run: (db: Db) => Promise<unknown>): Promise<Statement[]> {
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file }), log: [{ emit: "event", level: "query" }] });
  const statements: Statement[] = [];
  client.$on("query", (event) => statements.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] }));
  await run(client as unknown as Db);
  await client.$disconnect();
  return statements;
}

export class RawReplay {
  private readonly db: Database.Database;
  private readonly cache = new Map<string, Database.Statement>();

  constructor(file: string) {
    this.db = new Database(file, { readonly: true });
  }

  /** Runs the statements in order, reading every row, and returns the milliseconds it took. */
  run(statements: Statement[]): number {
    const start = performance.now();
    for (const { sql, params } of statements) {
      let statement = this.cache.get(sql);
      if (!statement) this.cache.set(sql, (statement = this.db.prepare(sql)));
      const values = params.map((v) => (typeof v === "boolean" ? Number(v) : v));
      if (statement.reader) statement.all(...values);
      else statement.run(...values);
    }
    return performance.now() - start;
  }

  close(): void {
    this.db.close();
  }
}
