// The one Prisma client of a process, created on first use from DATABASE_URL.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/sqlite/client";
import { databaseConfig, type DatabaseConfig } from "./config";

export type Db = PrismaClient;

export function createPrisma(config: DatabaseConfig = databaseConfig()): PrismaClient {
  if (config.provider !== "sqlite") {
    throw new Error("PostgreSQL is not supported yet: set DATABASE_URL to a file: URL");
  }
  // timeout: how long a writer waits for SQLite's lock before giving up (busy_timeout).
  const adapter = new PrismaBetterSqlite3({ url: config.filePath!, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; writer?: PrismaClient };

/** Drops the process's clients, so the next getPrisma() reads DATABASE_URL again (tests, scripts). */
export async function resetPrisma(): Promise<void> {
  const previous = [globalForPrisma.prisma, globalForPrisma.writer];
  globalForPrisma.prisma = undefined;
  globalForPrisma.writer = undefined;
  await Promise.all(previous.map((client) => client?.$disconnect()));
}

/**
 * The client for write transactions (see lib/db/transaction.ts). On SQLite it
 * has its own connection: the better-sqlite3 adapter runs every query of a
 * client on one connection, so a reader sharing the writer's connection would
 * see a transaction's uncommitted rows (and its writes would join it).
 */
export function getWriter(): PrismaClient {
  globalForPrisma.writer ??= createPrisma();
  return globalForPrisma.writer;
}

/** Reused across hot reloads in development and across requests in production. */
export function getPrisma(): PrismaClient {
  globalForPrisma.prisma ??= createPrisma();
  return globalForPrisma.prisma;
}

export function databaseProvider(): DatabaseConfig["provider"] {
  return databaseConfig().provider;
}
