// Everything one chart of the dashboard needs, computed on the server: its
// data (with source numbers) and its sources panel.
import { countsBySource } from "./by-source";
import { latestByTarget } from "./by-target";
import { numberFigures, reportOrder, type Db } from "./common";
import type { ChartId, DashboardFilters } from "./filters";
import { sourceNumbers, sourcesPanel } from "./sources";
import { reportTimeline } from "./timeline";
import { headlineContextLabel } from "./source-scope";
import type { BySourceData, ByTargetData, SourcesPanelData, TimelineData } from "./types";

export type ChartData =
  | { chart: "timeline"; data: TimelineData }
  | { chart: "by-source"; data: BySourceData }
  | { chart: "by-target"; data: ByTargetData }
  | { chart: "map"; data: BySourceData };

export interface LoadedChart {
  chart: ChartData;
  sources: SourcesPanelData;
}

/** Timeline sources: the newest statements first. */
function timelineOrder(data: TimelineData): number[] {
  const newestFirst = [...data.marks].sort(
    (a, b) => (b.statedOn ?? "").localeCompare(a.statedOn ?? "") || b.reportId - a.reportId,
  );
  return reportOrder(newestFirst);
}

export async function loadChart(db: Db, filters: DashboardFilters, chart: ChartId): Promise<LoadedChart> {
  const note = headlineContextLabel(filters);
  switch (chart) {
    case "timeline": {
      const data = await reportTimeline(db, filters);
      const sources = await sourcesPanel(db, timelineOrder(data), note);
      return { chart: { chart, data: { ...data, marks: numberFigures(data.marks, sourceNumbers(sources)) } }, sources };
    }
    case "by-source":
    case "map": {
      const data = await countsBySource(db, filters, { scope: "any", limit: chart === "map" ? 400 : undefined });
      const sources = await sourcesPanel(db, reportOrder(data.rows), note);
      const numbered = { ...data, rows: numberFigures(data.rows, sourceNumbers(sources)) };
      return { chart: chart === "map" ? { chart, data: numbered } : { chart, data: numbered }, sources };
    }
    case "by-target": {
      const data = await latestByTarget(db, filters);
      const sources = await sourcesPanel(db, reportOrder(data.rows), note);
      return { chart: { chart, data: { ...data, rows: numberFigures(data.rows, sourceNumbers(sources)) } }, sources };
    }
  }
}
