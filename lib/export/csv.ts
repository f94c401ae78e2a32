// CSV exports, streamed: rows are read from the database a batch of reports at
// a time and written as they come, so memory stays flat however many rows
// there are. Fields are written by lib/csv/write.ts (RFC 4180, every cell
// neutralised against spreadsheet formula injection).
import type { Db } from "../db/client";
import { CSV_COLUMNS, observationValues, reportValues } from "../csv/columns";
import { csvRecord, reportRowWriter } from "../csv/write";
import { countsBySource } from "../dashboard/by-source";
import { latestByTarget } from "../dashboard/by-target";
import { reportTimeline } from "../dashboard/timeline";
import type { DashboardFilters } from "../dashboard/filters";
import type { Figure } from "../dashboard/types";
import { reportsById } from "../reports/batch";
import { EXPORT_BATCH, reportBatches } from "./reader";

export const EXPORT_CHARTS = ["timeline", "by-source", "by-target", "map", "reports"] as const;
export type ExportChart = (typeof EXPORT_CHARTS)[number];
export type ExportRows = "displayed" | "full";

/** A batch of rows, as CSV text. */
type Batch = string;

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

/** One row per drawn figure: the observation the chart shows, with its report's cells. */
async function* figureRows(db: Db, figures: Figure[]): AsyncGenerator<Batch> {
  for (let i = 0; i < figures.length; i += EXPORT_BATCH) {
    const slice = figures.slice(i, i + EXPORT_BATCH);
    const reports = new Map((await reportsById(db, [...new Set(slice.map((f) => f.reportId))])).map((report) => [report.id, report]));
    const writers = new Map<number, ReturnType<typeof reportRowWriter>>();
    yield slice
      .map((figure) => {
        const report = reports.get(figure.reportId);
        const observation = report?.observations.find((o) => o.id === figure.observationId);
        if (!report || !observation) return "";
        let write = writers.get(report.id);
        if (!write) writers.set(report.id, (write = reportRowWriter(reportValues(report))));
        return write(observationValues(observation));
      })
      .join("");
  }
}

/** Every observation of every report the filters select, report by report (newest id first). */
async function* reportRows(db: Db, filters: DashboardFilters): AsyncGenerator<Batch> {
  for await (const reports of reportBatches(db, filters)) {
    const lines: string[] = [];
    for (const report of reports) {
      const write = reportRowWriter(reportValues(report));
      for (const observation of report.observations) lines.push(write(observationValues(observation)));
    }
    yield lines.join("");
  }
}

/**
 * The rows of an export. "displayed": what the chart shows under the filters
 * (for `reports`, every observation of the filtered reports). "full": every
 * observation of every report with the selected status, all other filters off.
 */
export function exportBatches(db: Db, chart: ExportChart, filters: DashboardFilters, rows: ExportRows): AsyncGenerator<Batch> {
  if (rows === "full") return reportRows(db, { status: filters.status });
  if (chart === "reports") return reportRows(db, filters);
  return (async function* () {
    yield* figureRows(db, await displayedFigures(db, chart, filters));
  })();
}

const BOM = "\uFEFF";

/**
 * The CSV as a byte stream: a UTF-8 BOM (so spreadsheets read accents right),
 * the header, then the rows. The first batch is read before the stream is
 * returned, so a failure to read shows as an error response, not as a
 * download that stops short.
 */
export async function csvStream(batches: AsyncGenerator<Batch>, onEnd: () => void = () => {}): Promise<ReadableStream<Uint8Array>> {
  let first: IteratorResult<Batch>;
  try {
    first = await batches.next();
  } catch (error) {
    onEnd();
    throw error;
  }
  let pending: string | null = `${BOM}${csvRecord(CSV_COLUMNS)}${first.done ? "" : first.value}`;
  let done = first.done === true;
  if (done) onEnd();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (pending !== null) {
          controller.enqueue(Buffer.from(pending, "utf8"));
          pending = null;
          return;
        }
        const next = done ? { done: true as const, value: undefined } : await batches.next();
        if (next.done) {
          done = true;
          onEnd();
          controller.close();
          return;
        }
        controller.enqueue(Buffer.from(next.value, "utf8"));
      } catch (error) {
        onEnd();
        controller.error(error);
      }
    },
    async cancel() {
      onEnd();
      await batches.return(undefined);
    },
  });
}
