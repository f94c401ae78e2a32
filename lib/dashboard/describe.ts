// The words around a chart: what it shows, the rule that picks one figure when
// several reports compete, and a one-line summary of the filters — used on the
// page, in exported images and in file names.
import { METRICS, type Metric } from "../domain";
import { findCountry, findRegion } from "../reference-data";
import { formatDate } from "../format";
import type { ChartData } from "./load";
import { CHART_TITLES, type ChartId, type DashboardFilters } from "./filters";

const SOURCE_RULE =
  " Filtered by source: only figures attributed to the selected sources are drawn; a report that only names them shows “named, no figure”, and a report's overall total is never the source's figure.";

export function chartRule(chart: ChartData, filters: DashboardFilters = {}): string {
  return baseRule(chart) + (filters.source?.length ? SOURCE_RULE : "");
}

function baseRule(chart: ChartData): string {
  switch (chart.chart) {
    case "timeline":
      return chart.data.bucket
        ? `More than 2,000 figures match, so each point is the latest statement in its ${chart.data.bucket} for each target; the others are not added.`
        : "Each report's headline figure on its own period: a line spans the period, dashed when it is open and ends at the statement date, an arrow when the statement date is unknown; bars are daily figures. Figures are never added.";
    case "by-source":
      return "For each source, the most recently stated figure that gives a number; hatched bars mark sources named without a number. Figures from different reports are not added.";
    case "by-target":
      return "For each target, the headline figure of the latest statement (ties: the later entry). Earlier reports are not added; they stay in the full CSV.";
    case "map":
      return "Countries shaded by the most recently stated figure attributed to them (log scale); hatched: named without a number. Figures are not added.";
  }
}

export function metricsWarning(metrics: Metric[]): string | null {
  if (metrics.length <= 1) return null;
  return `These reports count different things (${metrics.map((m) => METRICS[m].toLowerCase()).join(", ")}). Choose one metric to compare like with like.`;
}

export function filterSummary(filters: DashboardFilters): string {
  const parts: string[] = [];
  if (filters.target?.length) parts.push(`target ${filters.target.map((c) => findCountry(c)?.name ?? c).join(", ")}`);
  if (filters.source?.length) parts.push(`source ${filters.source.map((c) => findCountry(c)?.name ?? findRegion(c)?.name ?? c).join(", ")}`);
  if (filters.from || filters.to) {
    parts.push(filters.from && filters.to ? `${formatDate(filters.from)} – ${formatDate(filters.to)}` : filters.from ? `from ${formatDate(filters.from)}` : `until ${formatDate(filters.to!)}`);
  }
  if (filters.metric?.length) parts.push(filters.metric.map((m) => METRICS[m]).join(", "));
  if (filters.org?.length) parts.push(`organisation ${filters.org.join(", ")}`);
  if (filters.outlet?.length) parts.push(`outlet ${filters.outlet.join(", ")}`);
  const status = filters.status ?? ["published"];
  parts.push(status.join(" and ") + " reports");
  return parts.join(" · ");
}

/** "timeline_target-EC_from-2019-01-01_2026-11-24": names exports after what they hold. */
export function fileStem(chart: ChartId | "reports", filters: DashboardFilters, rows: "displayed" | "full", today = new Date().toISOString().slice(0, 10)): string {
  const parts: string[] = [`cyberattack-reports_${chart}_${rows}`];
  if (rows === "displayed") {
    if (filters.target?.length) parts.push(`target-${filters.target.join("-")}`);
    if (filters.source?.length) parts.push(`source-${filters.source.join("-")}`);
    if (filters.from) parts.push(`from-${filters.from}`);
    if (filters.to) parts.push(`to-${filters.to}`);
    if (filters.metric?.length) parts.push(filters.metric.join("-"));
    if (filters.org?.length || filters.outlet?.length) parts.push("filtered");
  }
  const status = filters.status ?? ["published"];
  if (status.join() !== "published") parts.push(status.join("-"));
  parts.push(today);
  return parts.join("_").replace(/[^A-Za-z0-9_.-]+/g, "-").slice(0, 180);
}

export { CHART_TITLES };
