// The one Prisma client of a process, created on first use from DATABASE_URL.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { privateDatabaseFile } from "./file-mode";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresPrismaClient } from "../generated/postgresql/client";
import { databaseConfig, type DatabaseConfig } from "./config";

/**
 * The app is typed against the SQLite client. The PostgreSQL client is
 * generated from the same models, so its API is the same; only the provider
 * (and so the SQL it sends) differs.
 */
export type Db = PrismaClient;

const configs = new WeakMap<object, DatabaseConfig>();

/** The database behind a client made by createPrisma. */
export function configOf(db: object): DatabaseConfig {
  return configs.get(db) ?? databaseConfig();
}

/** Which database a client talks to, for the few SQL expressions that differ. */
export function providerOf(db: object): DatabaseConfig["provider"] {
  return configOf(db).provider;
}

export function createPrisma(config: DatabaseConfig = databaseConfig()): PrismaClient {
  let client: PrismaClient;
  if (config.provider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: config.url, max: Number(process.env.DATABASE_POOL_SIZE) || 10 });
    client = new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  } else {
    // Owner-only before SQLite opens (and so creates) it: it holds the sessions and the cookie secret.
    privateDatabaseFile(config.filePath!);
    // timeout: how long a writer waits for SQLite's lock before giving up (busy_timeout).
    const adapter = new PrismaBetterSqlite3({ url: config.filePath!, timeout: 10_000 });
    client = new PrismaClient({ adapter });
  }
  configs.set(client, config);
  return client;
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
