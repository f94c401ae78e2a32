// Plain, serialisable data the server computes for each chart. Client chart
// components receive these and never fetch.
import type { Metric, Qualifier, ReportStatus, ScopeType } from "../domain";
import type { Bucket } from "./sql";

/** A figure as drawn: the number, its qualifier, and the report it comes from. */
export interface Figure {
  count: number | null;
  /** null exactly when count is null. */
  qualifier: Qualifier | null;
  /** "> 40,000,000", or "named, no figure". */
  display: string;
  reportId: number;
  /** The observation drawn: its row in the CSV export. */
  observationId: number;
  /** Number of the report in the chart's sources panel; null past the panel's length. */
  sourceNumber: number | null;
  statedOn: string | null;
  periodStart: string;
  periodEnd: string | null;
  metric: Metric;
}

export interface TimelineMark extends Figure {
  series: string;
  /** The source the figure is attributed to (under a source filter); null for an all-sources figure. */
  source: string | null;
  /** "period": a report's headline over its period; "daily": one day of a daily series. */
  kind: "period" | "daily";
  /** Where the drawn segment ends: the period's end, else the statement date; null draws a point with an open arrow. */
  drawEnd: string | null;
  /** Other reports of the same series, kind and bucket that this mark stands for (latest statement wins). */
  others: number;
}

export interface TimelineData {
  /** null: every report is drawn on its own period. */
  bucket: Bucket | null;
  marks: TimelineMark[];
  /** Targets drawn, with how many figures each has in view and (under a source filter) how many name a source without one. */
  series: Array<{ code: string; name: string; figures: number; named: number }>;
  /** Targets that matched but are not drawn, to keep the chart readable. */
  hiddenSeries: number;
  events: Array<{ id: number; date: string; label: string }>;
  metrics: Metric[];
}

export interface SourceRow extends Figure {
  scopeType: Exclude<ScopeType, "all">;
  code: string;
  name: string;
  note: string | null;
  targetCountry: string;
  /** How many observations in the filtered reports name this source. */
  mentions: number;
}

export interface BySourceData {
  rows: SourceRow[];
  /** Sources that matched but are past the chart's row limit. */
  hiddenRows: number;
  metrics: Metric[];
}

export interface TargetRow extends Figure {
  code: string;
  name: string;
  /** Reports on this target in the filtered set. */
  reports: number;
  /** The source the figure is attributed to (under a source filter); null for a headline. */
  source: string | null;
  /** Under a source filter, the report's all-sources total, labelled as such ("total of all sources, in reports that name …: > 40,000,000"). */
  context: string | null;
}

export interface ByTargetData {
  rows: TargetRow[];
  hiddenRows: number;
  metrics: Metric[];
}

/** One numbered entry of a chart's sources panel. */
export interface ChartSource {
  number: number;
  reportId: number;
  targetCountry: string;
  metric: Metric;
  status: ReportStatus;
  synthetic: boolean;
  statedOn: string | null;
  headline: string | null;
  /** Under a source filter: "total of all sources, in reports that name …", so the headline is not read as the source's figure. */
  headlineNote: string | null;
  speakers: Array<{ name: string; description: string; subject: string; quote: string | null }>;
  chain: Array<{ outlet: string; kind: string; url: string | null; publishedOn: string | null }>;
  quote: string | null;
}

export interface SourcesPanelData {
  entries: ChartSource[];
  /** Reports the chart uses beyond the listed ones. */
  more: number;
  /** Latest change to any report the chart draws (ISO timestamp), null when none. */
  lastUpdated: string | null;
}
