// Given the same data in SQLite and in PostgreSQL, every aggregate, list and
// export gives the same answer on both. Runs in the PostgreSQL pass
// (TEST_DB=postgresql), where both databases are at hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare";
import { copyDatabase } from "@/lib/db/copy";
import { DEFAULT_DEMO_OPTIONS } from "@/lib/demo/generate";
import { writeDemoToSqlite } from "@/lib/demo/write-sqlite";
import { CHARTS, type DashboardFilters } from "@/lib/dashboard/filters";
import { loadChart } from "@/lib/dashboard/load";
import { csvStream, exportBatches, EXPORT_CHARTS } from "@/lib/export/csv";
import { listReports } from "@/lib/reports/read";
import { observationFactsSql, staleObservationFacts } from "@/lib/reports/facts";
import Database from "better-sqlite3";
import { TEST_PROVIDER, newDatabase } from "../helpers/db";

const run = TEST_PROVIDER === "postgresql";
let sqlite: Db;
let postgres: Db;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  if (!run) return;
  const lite = newDatabase("sqlite");
  const pg = newDatabase("postgresql");
  cleanups.push(lite.remove, pg.remove);
  await prepareDatabase(lite.config);
  writeDemoToSqlite(lite.config.filePath!, { ...DEFAULT_DEMO_OPTIONS, reports: 400, seed: 11 });
  addDailyTarget(lite.config.filePath!);
  await prepareDatabase(pg.config, { seed: false });
  sqlite = createPrisma(lite.config);
  postgres = createPrisma(pg.config);
  cleanups.unshift(async () => {
    await Promise.all([sqlite.$disconnect(), postgres.$disconnect()]);
  });
  await copyDatabase(sqlite, postgres);
}, 120_000);

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function text(stream: Promise<ReadableStream<Uint8Array>>): Promise<string> {
  return new Response(await stream).text();
}

/** 2,500 one-day reports on Japan: enough marks that the timeline buckets them (by week), on both databases. */
function addDailyTarget(file: string): void {
  const db = new Database(file);
  const report = db.prepare(
    `INSERT INTO "Report" (targetCountryCode, metric, periodStart, periodEnd, statedOn, status, synthetic, version, createdAt, updatedAt)
     VALUES ('JP', 'cyberattacks', ?, ?, ?, 'published', 1, 1, '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00')`,
  );
  const observation = db.prepare(`INSERT INTO "Observation" (reportId, count, qualifier, periodStart, periodEnd, scopeType, position) VALUES (?, ?, 'exact', ?, ?, 'all', 0)`);
  db.transaction(() => {
    for (let i = 0; i < 2_500; i++) {
      const day = new Date(Date.UTC(2010, 0, 1) + i * 86_400_000 * 3).toISOString().slice(0, 10);
      // Several statements on some days, so "latest statement wins" has ties to break.
      const id = report.run(day, day, i % 7 === 0 ? null : day).lastInsertRowid;
      observation.run(id, 1_000 + (i % 97), day, day);
    }
  })();
  db.prepare(observationFactsSql().sql).run();
  db.close();
}

const FILTERS: Array<[string, DashboardFilters]> = [
  ["a target with thousands of daily figures", { target: ["JP"] }],
  ["no filter", {}],
  ["a target", { target: ["FR", "DE", "EC"] }],
  ["a period", { from: "2012-01-01", to: "2016-06-30" }],
  ["a region as source", { source: ["150"] }],
  ["a metric and retracted too", { metric: ["cyberattacks"], status: ["published", "retracted"] }],
  ["an organisation", { org: ["Synthetic Ministry of Interior"] }],
];

describe.skipIf(!run)("the same data on SQLite and PostgreSQL", () => {
  it("was copied whole, with the report facts intact", async () => {
    for (const model of ["report", "observation", "citation", "speaker", "outlet", "reportSpeaker", "event"] as const) {
      expect(await (postgres[model] as { count(): Promise<number> }).count(), model).toBe(await (sqlite[model] as { count(): Promise<number> }).count());
    }
    expect(await staleObservationFacts(postgres)).toBe(0);
  });

  for (const [name, filters] of FILTERS) {
    it(`gives the same charts and sources with ${name}`, async () => {
      for (const chart of CHARTS) {
        expect(await loadChart(postgres, filters, chart), chart).toEqual(await loadChart(sqlite, filters, chart));
      }
    });
  }

  it("lists the same reports, page by page", async () => {
    let cursor: number | undefined;
    for (let page = 0; page < 3; page++) {
      const [a, b] = await Promise.all([listReports(sqlite, { limit: 50, cursor }), listReports(postgres, { limit: 50, cursor })]);
      expect(b).toEqual(a);
      if (!a.nextCursor) break;
      cursor = Number(Buffer.from(a.nextCursor, "base64url").toString().slice(2));
    }
  });

  it("exports the same CSV, byte for byte", async () => {
    for (const chart of EXPORT_CHARTS) {
      const filters = { target: ["FR", "DE", "EC"] };
      expect(await text(csvStream(exportBatches(postgres, chart, filters, "displayed"))), chart).toBe(
        await text(csvStream(exportBatches(sqlite, chart, filters, "displayed"))),
      );
    }
    expect(await text(csvStream(exportBatches(postgres, "reports", {}, "full")))).toBe(await text(csvStream(exportBatches(sqlite, "reports", {}, "full"))));
  });
});
