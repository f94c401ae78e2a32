// The rule that keeps SQLite healthy in one process: every write goes through
// writeTransaction (the writer connection, one transaction at a time); reads
// use getPrisma(). better-sqlite3 waits for a lock synchronously, so a write on
// the reader connection while a write transaction is open would freeze the
// whole process until the busy timeout, and the transaction could not finish
// meanwhile. Queued on the writer instead, writes simply wait their turn.
import type { PrismaClient } from "../generated/sqlite/client";
import type { Db } from "./client";
import { writeTransaction } from "./transaction";

const WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"]);

/**
 * A client for code we do not own (better-auth's Prisma adapter): reads go to
 * `reader`, every write and every transaction to the writer connection.
 */
export function routedClient(reader: Db, writer: Db): Db {
  const delegates = new Map<PropertyKey, unknown>();
  return new Proxy(reader, {
    get(target, property, receiver) {
      if (property === "$transaction") {
        return (work: unknown, options?: unknown) =>
          typeof work === "function" ? writeTransaction(work as never, {}, writer) : (writer.$transaction as (a: unknown, b?: unknown) => unknown)(work, options);
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== "string" || property.startsWith("$") || property.startsWith("_") || !value || typeof value !== "object") return value;
      if (!delegates.has(property)) {
        delegates.set(
          property,
          new Proxy(value as Record<string, unknown>, {
            get(delegate, operation) {
              if (typeof operation === "string" && WRITES.has(operation)) {
                return (args: unknown) =>
                  writeTransaction((tx) => ((tx as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>)[property][operation])(args), {}, writer);
              }
              return Reflect.get(delegate, operation) as unknown;
            },
          }),
        );
      }
      return delegates.get(property);
    },
  }) as PrismaClient;
}
