// A fingerprint of everything the app stores: per table, its row count and a
// SHA-256 over every row in primary-key order. Two equal fingerprints mean the
// database did not change, byte for byte, as far as the app can read it.
// Works on SQLite and PostgreSQL through the Prisma client ($queryRawUnsafe),
// so the in-process tests and the reliability run (over HTTP, opening the same
// database) use the same one.
import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";
import { providerOf } from "@/lib/db/client";

/**
 * What a rejected write may change, and why. Nothing else is left out.
 * - ApiToken.lastUsedAt: the token's last use is recorded (at most once a
 *   minute) whatever the request then does; it is bookkeeping of the caller's
 *   credential, not data (lib/auth/viewer.ts).
 * - ImportJob: every upload gets a progress row, written before the file is
 *   read so another instance can report progress, and finished as "failed"
 *   when the file is refused (lib/import/run.ts). The import fuzz checks those
 *   rows separately: each one it adds must be failed, with its errors.
 */
export const BOOKKEEPING: Record<string, "*" | string[]> = {
  ApiToken: ["lastUsedAt"],
  ImportJob: "*",
};

export interface Fingerprint {
  /** Table → rows. */
  counts: Record<string, number>;
  /** Table → sha256 of its rows. */
  hashes: Record<string, string>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Values as text the same way each time: dates as ISO, bigints and numbers as digits, bytes as hex. */
function canonical(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `hex:${Buffer.from(value).toString("hex")}`;
  if (typeof value === "object") {
    if (Array.isArray(value)) return value.map(canonical);
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

async function tablesAndKeys(db: Db): Promise<Array<{ table: string; columns: string[]; key: string[] }>> {
  if (providerOf(db) === "postgresql") {
    const rows = await db.$queryRawUnsafe<Array<{ table_name: string; column_name: string; ordinal_position: number; pk: number | null }>>(`
      SELECT c.table_name, c.column_name, c.ordinal_position,
        (SELECT k.ordinal_position FROM information_schema.table_constraints t
           JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema AND k.table_name = t.table_name
          WHERE t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.constraint_type = 'PRIMARY KEY' AND k.column_name = c.column_name) AS pk
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema()
      ORDER BY c.table_name, c.ordinal_position`);
    return group(rows.map((r) => ({ table: r.table_name, column: r.column_name, pk: r.pk === null ? 0 : Number(r.pk) })));
  }
  const tables = await db.$queryRawUnsafe<Array<{ name: string }>>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`);
  const rows: Array<{ table: string; column: string; pk: number }> = [];
  for (const { name } of tables) {
    const info = await db.$queryRawUnsafe<Array<{ name: string; pk: number | bigint }>>(`SELECT name, pk FROM pragma_table_info(${`'${name.replace(/'/g, "''")}'`}) ORDER BY cid`);
    for (const column of info) rows.push({ table: name, column: column.name, pk: Number(column.pk) });
  }
  return group(rows);
}

function group(rows: Array<{ table: string; column: string; pk: number }>) {
  const byTable = new Map<string, { columns: string[]; keyed: Array<[number, string]> }>();
  for (const row of rows) {
    const entry = byTable.get(row.table) ?? { columns: [], keyed: [] };
    entry.columns.push(row.column);
    if (row.pk > 0) entry.keyed.push([row.pk, row.column]);
    byTable.set(row.table, entry);
  }
  return [...byTable.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([table, { columns, keyed }]) => ({ table, columns, key: keyed.sort((a, b) => a[0] - b[0]).map(([, c]) => c) }));
}

/** Every table of the app's schema (migration bookkeeping included: a rejected write must not touch it either). */
export async function fingerprint(db: Db, ignore: Record<string, "*" | string[]> = BOOKKEEPING): Promise<Fingerprint> {
  const counts: Record<string, number> = {};
  const hashes: Record<string, string> = {};
  for (const { table, columns, key } of await tablesAndKeys(db)) {
    const skip = ignore[table];
    if (skip === "*") continue;
    const kept = columns.filter((c) => !skip?.includes(c));
    // Every table of this schema has a primary key; all columns order the rest, so the order is total anyway.
    const order = [...key, ...kept.filter((c) => !key.includes(c))].map(quote).join(", ");
    const rows = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT ${kept.map(quote).join(", ")} FROM ${quote(table)} ORDER BY ${order}`);
    const hash = crypto.createHash("sha256");
    for (const row of rows) hash.update(JSON.stringify(kept.map((c) => canonical(row[c])))).update("\n");
    counts[table] = rows.length;
    hashes[table] = hash.digest("hex");
  }
  return { counts, hashes };
}

/** Tables whose rows differ between two fingerprints, for a failure message a person can act on. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const tables = new Set([...Object.keys(before.hashes), ...Object.keys(after.hashes)]);
  return [...tables].filter((t) => before.hashes[t] !== after.hashes[t]).map((t) => `${t} (${before.counts[t] ?? 0} → ${after.counts[t] ?? 0} rows)`);
}

/** Rows changed between two fingerprints: the difference in counts, or 1 per table whose content changed at equal count. */
export function rowsChanged(before: Fingerprint, after: Fingerprint): number {
  let changed = 0;
  for (const table of new Set([...Object.keys(before.hashes), ...Object.keys(after.hashes)])) {
    if (before.hashes[table] === after.hashes[table]) continue;
    changed += Math.max(1, Math.abs((after.counts[table] ?? 0) - (before.counts[table] ?? 0)));
  }
  return changed;
}
