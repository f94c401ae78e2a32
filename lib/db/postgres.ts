// PostgreSQL helpers for the migration engine and the tests: databases made
// and dropped by name, through the server named in a connection URL.
import pg from "pg";

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

async function onMaintenanceDb<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  // Create and drop from another database: one cannot drop the database one is connected to.
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(url: string, name: string): Promise<string> {
  if (!SAFE_NAME.test(name)) throw new Error(`Not a safe database name: ${name}`);
  await onMaintenanceDb(url, (client) => client.query(`CREATE DATABASE "${name}"`));
  return withDatabase(url, name);
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  if (!SAFE_NAME.test(name)) throw new Error(`Not a safe database name: ${name}`);
  await onMaintenanceDb(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Creates the database a URL names when it does not exist yet (first start on a new server). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  return onMaintenanceDb(url, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      return true;
    } catch (error) {
      // Another instance starting at the same moment created it first.
      // (42P04, or 23505 from the catalog when both CREATE at the same instant).
      if (["42P04", "23505"].includes((error as { code?: string }).code ?? "")) return false;
      throw error;
    }
  });
}

/** Whether a server answers at this URL (tests skip PostgreSQL when none does). */
export async function reachable(url: string, timeoutMs = 3_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
