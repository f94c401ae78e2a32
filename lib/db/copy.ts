// Copies every row of one database into another, SQLite → PostgreSQL for a
// team that outgrows the embedded default, or the other way. The target is
// migrated first and must hold no data of its own (reference data aside).
// Ids are kept, so links between rows, exports and bookmarks stay valid.
import type { Db } from "./client";
import { providerOf } from "./client";
import { Prisma } from "../generated/sqlite/client";

type Delegate = {
  count(args?: unknown): Promise<number>;
  findMany(args: unknown): Promise<Array<Record<string, unknown>>>;
  createMany(args: { data: Array<Record<string, unknown>> }): Promise<{ count: number }>;
};

/** Tables in an order where every row's references are already there; each with the key to page by. */
const TABLES: Array<{ model: string; table: string; orderBy: Record<string, "asc">[]; serial?: boolean }> = [
  { model: "region", table: "Region", orderBy: [{ code: "asc" }] },
  { model: "country", table: "Country", orderBy: [{ code: "asc" }] },
  { model: "event", table: "Event", orderBy: [{ id: "asc" }], serial: true },
  { model: "speaker", table: "Speaker", orderBy: [{ id: "asc" }], serial: true },
  { model: "outlet", table: "Outlet", orderBy: [{ id: "asc" }], serial: true },
  { model: "report", table: "Report", orderBy: [{ id: "asc" }], serial: true },
  { model: "reportSpeaker", table: "ReportSpeaker", orderBy: [{ reportId: "asc" }, { speakerId: "asc" }] },
  { model: "citation", table: "Citation", orderBy: [{ id: "asc" }], serial: true },
  { model: "observation", table: "Observation", orderBy: [{ id: "asc" }], serial: true },
  { model: "user", table: "User", orderBy: [{ id: "asc" }] },
  { model: "account", table: "Account", orderBy: [{ id: "asc" }] },
  { model: "session", table: "Session", orderBy: [{ id: "asc" }] },
  { model: "verification", table: "Verification", orderBy: [{ id: "asc" }] },
  { model: "rateLimit", table: "RateLimit", orderBy: [{ id: "asc" }] },
  { model: "apiToken", table: "ApiToken", orderBy: [{ id: "asc" }] },
  { model: "appSetting", table: "AppSetting", orderBy: [{ key: "asc" }] },
  { model: "importJob", table: "ImportJob", orderBy: [{ id: "asc" }] },
  { model: "auditEntry", table: "AuditEntry", orderBy: [{ id: "asc" }], serial: true },
];

const BATCH = 2_000;

export interface CopyResult {
  table: string;
  rows: number;
}

function delegate(db: Db, model: string): Delegate {
  return (db as unknown as Record<string, Delegate>)[model];
}

export async function copyDatabase(from: Db, to: Db, onTable?: (result: CopyResult) => void): Promise<CopyResult[]> {
  for (const model of ["report", "user", "auditEntry"]) {
    if ((await delegate(to, model).count()) > 0) {
      throw new Error(`The target database already holds ${model} rows; copy into a new, empty database.`);
    }
  }
  const results: CopyResult[] = [];
  for (const { model, table, orderBy, serial } of TABLES) {
    const source = delegate(from, model);
    const target = delegate(to, model);
    // Reference data is loaded by the target's own first start: keep it when it is already complete.
    if ((model === "country" || model === "region") && (await target.count()) === (await source.count())) continue;
    let rows = 0;
    const deferredChains: Array<{ id: number; takenFromId: number }> = [];
    for (let skip = 0; ; skip += BATCH) {
      const page = await source.findMany({ orderBy, skip, take: BATCH });
      if (page.length === 0) break;
      if (model === "citation") {
        // A citation may be taken from one with a higher id: link them once all exist.
        for (const row of page) {
          if (row.takenFromId !== null) deferredChains.push({ id: Number(row.id), takenFromId: Number(row.takenFromId) });
        }
        await target.createMany({ data: page.map((row) => ({ ...row, takenFromId: null })) });
      } else {
        await target.createMany({ data: page });
      }
      rows += page.length;
    }
    for (const link of deferredChains) {
      await to.citation.update({ where: { id: link.id }, data: { takenFromId: link.takenFromId } });
    }
    if (serial && providerOf(to) === "postgresql" && rows > 0) {
      // Explicit ids do not move PostgreSQL's sequences: set them past the copied rows.
      await to.$executeRaw`SELECT setval(pg_get_serial_sequence(${`"${table}"`}, 'id'), (SELECT MAX("id") FROM ${Prisma.raw(`"${table}"`)}))`;
    }
    const result = { table, rows };
    results.push(result);
    onTable?.(result);
  }
  return results;
}
