import Link from "next/link";
import "@/components/dashboard/dashboard.css";
import { ChartTable } from "@/components/dashboard/ChartTable";
import { PendingLink } from "@/components/dashboard/PendingLink";
import { ChartView } from "@/components/dashboard/ChartView";
import { ExportMenu } from "@/components/dashboard/ExportMenu";
import { FilterBar } from "@/components/dashboard/FilterBar";
import { SourcesPanel } from "@/components/dashboard/SourcesPanel";
import { AboutThisData } from "@/components/dashboard/AboutThisData";
import { getPrisma } from "@/lib/db/client";
import { CHARTS, CHART_TITLES, dashboardHref, parseDashboardQuery, type ChartId } from "@/lib/dashboard/filters";
import { chartRule, fileStem, filterSummary, metricsWarning } from "@/lib/dashboard/describe";
import { loadChart, type ChartData } from "@/lib/dashboard/load";
import { MAP_HEIGHT, MAP_WIDTH, worldShapes } from "@/lib/dashboard/map-geometry";
import { filterChoices } from "@/lib/dashboard/options";
import { sourceAudience } from "@/lib/sources/public";
import { seriesColour } from "@/components/charts/palette";
import { pageReader } from "@/lib/auth/pages";
import { canSeeDrafts } from "@/lib/auth/viewer";
import type { Metric } from "@/lib/domain";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const TAB_LABELS: Record<ChartId, string> = { timeline: "Timeline", "by-source": "By source", "by-target": "By target", map: "Map" };

function isEmpty(chart: ChartData): boolean {
  return chart.chart === "timeline" ? chart.data.marks.length === 0 : chart.data.rows.length === 0;
}

function chartMetrics(chart: ChartData): Metric[] {
  return chart.data.metrics;
}

function shownCount(chart: ChartData): string {
  switch (chart.chart) {
    case "timeline": {
      const hidden = chart.data.hiddenSeries ? ` ${chart.data.hiddenSeries} more targets match; pick targets in the filter to see them.` : "";
      const figures = chart.data.marks.filter((mark) => mark.count !== null).length;
      return `${figures.toLocaleString("en-US")} figure${figures === 1 ? "" : "s"} for ${chart.data.series.length} target${chart.data.series.length === 1 ? "" : "s"}.${hidden}`;
    }
    default: {
      const hidden = chart.data.hiddenRows ? ` ${chart.data.hiddenRows} more are in the full CSV.` : "";
      const rows = chart.data.rows.length;
      return `${rows.toLocaleString("en-US")} row${rows === 1 ? "" : "s"}.${hidden}`;
    }
  }
}

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await pageReader("/");
  const { filters, view, problems } = parseDashboardQuery(await searchParams, { drafts: canSeeDrafts(viewer) });
  const db = getPrisma();
  const [loaded, choices] = await Promise.all([loadChart(db, filters, view.chart), filterChoices(db, sourceAudience(viewer))]);
  const { chart, sources } = loaded;
  const title = CHART_TITLES[view.chart];
  const summary = filterSummary(filters);
  const exportQuery = dashboardHref(filters, {}, "").replace(/^\?/, "");
  const csv = (rows: "displayed" | "full") => `/api/v1/export/${view.chart}.csv?${exportQuery ? `${exportQuery}&` : ""}rows=${rows}`;
  const empty = isEmpty(chart);
  const warning = metricsWarning(chartMetrics(chart));
  const values = chart.chart === "timeline" ? chart.data.marks.flatMap((m) => (m.count ? [m.count] : [])) : [];
  const scale = view.scale === "auto" ? (values.length && Math.max(...values) / Math.max(1, Math.min(...values)) > 1000 ? "log" : "linear") : view.scale;
  const reportCount = sources.entries.length + sources.more;
  const sourceLine = `Source: Cyberattack Report Dashboard — ${summary}. ${reportCount.toLocaleString("en-US")} report${reportCount === 1 ? "" : "s"}; see the sources panel or the CSV.`;

  return (
    <>
      <section className="intro">
        <h1>Reported cyberattack figures</h1>
        <p>
          What officials said, with the qualifier they used and who said it. These are claims, not measurements: a figure
          never travels without its source, and figures from different reports are never added up.
        </p>
      </section>

      <FilterBar
        filters={filters}
        view={view}
        options={{ ...choices, canSeeDrafts: canSeeDrafts(viewer) }}
      />

      {problems.length > 0 && (
        <div className="notice notice--warning" role="alert">
          <strong>Some filters in the link were not understood and are ignored:</strong>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>
                {problem.path ? <code>{problem.path}</code> : "link"}: {problem.message}
              </li>
            ))}
          </ul>
          <Link href={dashboardHref(filters, view)}>Open the dashboard without them</Link>
        </div>
      )}

      <section className="chart-panel" aria-labelledby="chart-title">
        <div className="chart-panel__bar">
          <nav className="tabs" aria-label="Charts">
            {CHARTS.map((id) => (
              <PendingLink key={id} href={dashboardHref(filters, { ...view, chart: id })} className="tabs__tab" aria-current={id === view.chart ? "page" : undefined}>
                {TAB_LABELS[id]}
              </PendingLink>
            ))}
          </nav>
          <div className="chart-panel__tools">
            <nav className="segmented" aria-label="View">
              <PendingLink href={dashboardHref(filters, { ...view, view: "chart" })} aria-current={view.view === "chart" ? "page" : undefined}>
                Chart
              </PendingLink>
              <PendingLink href={dashboardHref(filters, { ...view, view: "table" })} aria-current={view.view === "table" ? "page" : undefined}>
                Table
              </PendingLink>
            </nav>
            <ExportMenu
              csvDisplayed={csv("displayed")}
              csvFull={csv("full")}
              containerId="chart-area"
              imageAvailable={view.view === "chart" && !empty}
              caption={{ title, subtitle: chartRule(chart, filters), sourceLine, fileStem: fileStem(view.chart, filters, "displayed") }}
            />
          </div>
        </div>

        <div className="chart-panel__grid">
          <div className="chart-panel__main">
            <h2 id="chart-title" className="chart-panel__title">
              {title}
            </h2>
            <p className="chart-panel__subtitle">{summary}</p>
            <p className="chart-panel__rule">{chartRule(chart, filters)}</p>
            {warning && <p className="notice notice--info">{warning}</p>}
            {empty ? (
              <div className="empty" role="status">
                <p>
                  <strong>No reported figure matches these filters.</strong>
                </p>
                <p>Try a wider period, another target, or clear the filters.</p>
                <Link className="button" href={dashboardHref({}, view)}>
                  Clear all filters
                </Link>
              </div>
            ) : view.view === "table" ? (
              <div id="chart-area" className="table-wrap">
                <ChartTable chart={chart} caption={`${title}: ${summary}`} />
              </div>
            ) : (
              <figure id="chart-area" className="chart-area" aria-label={`${title}. ${shownCount(chart)} The table view lists every figure drawn.`}>
                {chart.chart === "timeline" && <TimelineLegend chart={chart} />}
                <ChartView
                  chart={chart}
                  scale={scale}
                  range={{ from: filters.from, to: filters.to }}
                  map={view.chart === "map" ? { shapes: worldShapes(), width: MAP_WIDTH, height: MAP_HEIGHT } : undefined}
                />
                {chart.chart === "map" && <MapRegions chart={chart} />}
              </figure>
            )}
            {!empty && (
              <p className="chart-panel__footnote">
                {shownCount(chart)}{" "}
                {view.view === "chart" && chart.chart === "timeline" && (
                  <>
                    Scale:{" "}
                    <Link href={dashboardHref(filters, { ...view, scale: "linear" })} aria-current={scale === "linear" ? "true" : undefined}>
                      linear
                    </Link>{" "}
                    ·{" "}
                    <Link href={dashboardHref(filters, { ...view, scale: "log" })} aria-current={scale === "log" ? "true" : undefined}>
                      log
                    </Link>
                  </>
                )}
              </p>
            )}
          </div>
          <SourcesPanel sources={sources} csvHref={csv("displayed")} />
        </div>
      </section>

      <AboutThisData />
    </>
  );
}

function TimelineLegend({ chart }: { chart: Extract<ChartData, { chart: "timeline" }> }) {
  return (
    <ul className="legend" aria-label="Legend">
      {chart.data.series.map((series, index) => (
        <li key={series.code}>
          <span className="legend__swatch" style={{ background: seriesColour(index) }} />
          {series.name}{" "}
          <span className="muted">
            ({series.figures} figure{series.figures === 1 ? "" : "s"}
            {series.named > 0 && `; ${series.named} naming the source without a figure`})
          </span>
        </li>
      ))}
    </ul>
  );
}

function MapRegions({ chart }: { chart: Extract<ChartData, { chart: "map" }> }) {
  const regions = chart.data.rows.filter((row) => row.scopeType === "region");
  if (!regions.length) return null;
  return (
    <div className="map-regions">
      <h3 className="label">Regions named (not drawn on a map of countries)</h3>
      <ul>
        {regions.map((row) => (
          <li key={row.code}>
            {row.name}: <strong>{row.display}</strong>
            {row.sourceNumber !== null && <span className="muted"> [{row.sourceNumber}]</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
