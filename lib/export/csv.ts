// CSV exports, streamed: rows are read from the database a batch of reports at
// a time and written as they come, so memory stays flat however many rows
// there are. Written with csv-stringify (RFC 4180 quoting); every cell goes
// through neutralizeCell against spreadsheet formula injection.
import { stringify } from "csv-stringify/sync";
import { Prisma } from "../generated/sqlite/client";
import type { Db } from "../db/client";
import { CSV_COLUMNS, neutralizeCell, reportCsvRows, type CsvRow } from "../csv/columns";
import { reportInclude, toReportJson } from "../reports/read";
import { reportFilterSql } from "../dashboard/sql";
import { countsBySource } from "../dashboard/by-source";
import { latestByTarget } from "../dashboard/by-target";
import { reportTimeline } from "../dashboard/timeline";
import type { DashboardFilters } from "../dashboard/filters";
import type { Figure } from "../dashboard/types";

export const EXPORT_CHARTS = ["timeline", "by-source", "by-target", "map", "reports"] as const;
export type ExportChart = (typeof EXPORT_CHARTS)[number];
export type ExportRows = "displayed" | "full";

/** Reports fetched per round trip while streaming. */
const BATCH = 500;

/** The figures a chart draws, in the order it draws them. */
async function displayedFigures(db: Db, chart: Exclude<ExportChart, "reports">, filters: DashboardFilters): Promise<Figure[]> {
  switch (chart) {
    case "timeline":
      return (await reportTimeline(db, filters)).marks;
    case "by-source":
      return (await countsBySource(db, filters)).rows;
    case "map":
      return (await countsBySource(db, filters, { limit: 400 })).rows;
    case "by-target":
      return (await latestByTarget(db, filters)).rows;
  }
}

async function* figureRows(db: Db, figures: Figure[]): AsyncGenerator<CsvRow[]> {
  for (let i = 0; i < figures.length; i += BATCH) {
    const slice = figures.slice(i, i + BATCH);
    const reports = await db.report.findMany({ where: { id: { in: [...new Set(slice.map((f) => f.reportId))] } }, include: reportInclude });
    const byId = new Map(reports.map((row) => [row.id, toReportJson(row)]));
    yield slice.flatMap((figure) => {
      const report = byId.get(figure.reportId);
      const observation = report?.observations.find((o) => o.id === figure.observationId);
      return report && observation ? reportCsvRows(report, [observation]) : [];
    });
  }
}

/** Every observation of every report the filters select, report by report (newest id first). */
async function* reportRows(db: Db, filters: DashboardFilters): AsyncGenerator<CsvRow[]> {
  let after: number | null = null;
  for (;;) {
    const cursor: Prisma.Sql = after === null ? Prisma.empty : Prisma.sql` AND r."id" < ${after}`;
    const ids = (
      await db.$queryRaw<Array<{ id: number | bigint }>>`
        SELECT r."id" AS id FROM "Report" r WHERE ${reportFilterSql(filters)}${cursor} ORDER BY r."id" DESC LIMIT ${BATCH}`
    ).map((row) => Number(row.id));
    if (ids.length === 0) return;
    const reports = await db.report.findMany({ where: { id: { in: ids } }, include: reportInclude, orderBy: { id: "desc" } });
    yield reports.flatMap((row) => reportCsvRows(toReportJson(row)));
    after = ids[ids.length - 1];
  }
}

/**
 * The rows of an export. "displayed": what the chart shows under the filters
 * (for `reports`, every observation of the filtered reports). "full": every
 * observation of every report with the selected status, all other filters off.
 */
export function exportBatches(db: Db, chart: ExportChart, filters: DashboardFilters, rows: ExportRows): AsyncGenerator<CsvRow[]> {
  if (rows === "full") return reportRows(db, { status: filters.status });
  if (chart === "reports") return reportRows(db, filters);
  return (async function* () {
    yield* figureRows(db, await displayedFigures(db, chart, filters));
  })();
}

const cast = { string: neutralizeCell };

/** The CSV as a byte stream: a UTF-8 BOM (so spreadsheets read accents right), the header, then the rows. */
export function csvStream(batches: AsyncGenerator<CsvRow[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let header = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) {
          if (header) controller.enqueue(encoder.encode(stringify([], { header: true, columns: [...CSV_COLUMNS], bom: true })));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(stringify(next.value, { header, columns: [...CSV_COLUMNS], bom: header, cast })));
        header = false;
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
