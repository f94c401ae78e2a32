// Drives Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm)
// through a driver adapter, so that migrations can be created and applied on
// machines that cannot download Prisma's native engine. The on-disk layout and
// the _prisma_migrations table are the ones native Prisma uses, so a machine
// with the native engine can run `prisma migrate deploy` on the same database.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import type { DatabaseConfig, DatabaseProvider } from "./config";

const require = createRequire(import.meta.url);

/**
 * Where prisma/ lives. The project root for every npm script; tests point it
 * at a copy to try schema changes without touching the real one.
 */
export type ProjectRoot = string;
const DEFAULT_ROOT: ProjectRoot = process.cwd();

export function prismaDir(provider: DatabaseProvider, root: ProjectRoot = DEFAULT_ROOT): string {
  return path.join(root, "prisma", provider);
}

export function migrationsDir(provider: DatabaseProvider, root: ProjectRoot = DEFAULT_ROOT): string {
  return path.join(prismaDir(provider, root), "migrations");
}

/** All .prisma files of one provider's schema (its own folder plus the shared models). */
export function schemaFiles(provider: DatabaseProvider, root: ProjectRoot = DEFAULT_ROOT): Array<[string, string]> {
  const files: Array<[string, string]> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && fs.statSync(full).isDirectory());
      if (isDir && entry.name !== "migrations") walk(full);
      else if (entry.name.endsWith(".prisma")) files.push([full, fs.readFileSync(full, "utf8")]);
    }
  };
  walk(prismaDir(provider, root));
  return files;
}

let wasmLoaded: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

/** Instantiates the engine's wasm by hand: its package entry needs --experimental-wasm-modules on Node 20. */
function loadWasm() {
  wasmLoaded ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    // The .wasm file is not in the package's exports map: find it beside package.json.
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const module = await WebAssembly.compile(fs.readFileSync(wasmPath));
    const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return wasmLoaded;
}

/**
 * The engine replays migration scripts through a parameterless executeRaw;
 * SQLite drivers run only one statement that way, so send those to executeScript.
 */
function withScriptExecution(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  return Object.assign(Object.create(Object.getPrototypeOf(adapter)), adapter, {
    executeRaw: async (query: Parameters<SqlDriverAdapter["executeRaw"]>[0]) => {
      if (query.args.length === 0 && adapter.provider === "sqlite") {
        await adapter.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    },
  });
}

/**
 * The engine's catalog queries read PostgreSQL's internal "char" type (OID 18),
 * which @prisma/adapter-pg 7.10 cannot map and rejects. Those values are
 * single characters: present them as text. Applied to the migration tool only.
 */
function readCharAsText(adapter: SqlDriverAdapter): void {
  for (let proto = Object.getPrototypeOf(adapter); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if (!Object.hasOwn(proto, "performIO") || (proto as { charAsText?: boolean }).charAsText) continue;
    const performIO = proto.performIO as (...args: unknown[]) => Promise<{ fields: Array<{ dataTypeID: number }> }>;
    proto.performIO = async function (this: unknown, ...args: unknown[]) {
      const result = await performIO.apply(this, args);
      for (const field of result.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
      return result;
    };
    (proto as { charAsText?: boolean }).charAsText = true;
  }
}

export async function adapterFactory(config: DatabaseConfig): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (config.provider === "sqlite") {
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSqlite3({ url: config.filePath! }, { shadowDatabaseUrl: ":memory:" });
  }
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { createDatabase, dropDatabase } = await import("./postgres");
  const main = new PrismaPg({ connectionString: config.url });
  // adapter-pg's own shadow database lands on the main database when given a
  // connection string, so the shadow is made here: a fresh database, dropped after.
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => {
      const adapter = await main.connect();
      readCharAsText(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
      const url = await createDatabase(config.url, name);
      const adapter = await new PrismaPg({ connectionString: url }).connect();
      readCharAsText(adapter);
      const dispose = adapter.dispose.bind(adapter);
      return Object.assign(adapter, {
        dispose: async () => {
          await dispose();
          await dropDatabase(config.url, name);
        },
      });
    },
  };
}

/** Wraps a factory so that every connection it opens is remembered and can be closed. */
function migrationAware(
  factory: SqlMigrationAwareDriverAdapterFactory,
  opened: SqlDriverAdapter[],
): SqlMigrationAwareDriverAdapterFactory {
  const track = (adapter: SqlDriverAdapter) => {
    // The engine closes the shadow connection itself and close() closes all:
    // closing twice must be harmless (pg pools throw on a second end()).
    const dispose = adapter.dispose.bind(adapter);
    let closed: Promise<void> | undefined;
    adapter.dispose = () => (closed ??= dispose());
    opened.push(adapter);
    return withScriptExecution(adapter);
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
  };
}

export function readMigrations(provider: DatabaseProvider, root: ProjectRoot = DEFAULT_ROOT): MigrationList {
  const baseDir = migrationsDir(provider, root);
  fs.mkdirSync(baseDir, { recursive: true });
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const migrationDirectories = fs
    .readdirSync(baseDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(baseDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    });
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

export interface EngineHandle {
  engine: SchemaEngine;
  close(): Promise<void>;
}

export async function openSchemaEngine(config: DatabaseConfig, root: ProjectRoot = DEFAULT_ROOT): Promise<EngineHandle> {
  const bg = await loadWasm();
  const factory = await adapterFactory(config);
  const opened: SqlDriverAdapter[] = [];
  const bound = bindMigrationAwareSqlAdapterFactory(migrationAware(factory, opened));
  const logs: string[] = [];
  const engine = await bg.SchemaEngine.new(
    { datamodels: schemaFiles(config.provider, root) },
    (line: string) => logs.push(line),
    bound,
  );
  return {
    engine,
    async close() {
      engine.free();
      // Freeing the engine does not close its connections; an open SQLite
      // handle would keep the file locked for the app.
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    },
  };
}

export const NO_FILTER = { externalTables: [], externalEnums: [] };
