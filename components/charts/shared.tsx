"use client";
// Pieces every chart shares: colours that stay apart for colour-blind readers,
// day arithmetic, and the tooltip body that always carries the qualifier and
// the source number.
import { METRICS } from "@/lib/domain";
import { formatPeriod } from "@/lib/format";
import type { Figure } from "@/lib/dashboard/types";

export const NAMED_FILL = "url(#named-hatch)";

export const dayMs = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);
export const DAY_MS = 86_400_000;
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Axis ticks: round values, so their short form is exact ("40M", "1,250"). */
export { axisLabel as axisTick } from "@/lib/format";

/** Diagonal hatching for "named, no figure": clearly not a bar of some height. */
export function NamedHatchDefs() {
  return (
    <defs>
      <pattern id="named-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" fill="#fff4dc" />
        <line x1="0" y1="0" x2="0" y2="8" stroke="#c58a14" strokeWidth="3" />
      </pattern>
    </defs>
  );
}

/** Where the figure comes from, as the sources panel numbers it. */
export function sourceRef(figure: Pick<Figure, "sourceNumber" | "reportId">): string {
  return figure.sourceNumber !== null ? `[${figure.sourceNumber}]` : `report ${figure.reportId}`;
}

export function FigureTooltip({ title, figure, extra }: { title: string; figure: Figure; extra?: React.ReactNode }) {
  return (
    <div className="chart-tooltip" role="status">
      <div className="chart-tooltip__title">{title}</div>
      <div className="chart-tooltip__value">{figure.display}</div>
      <div className="chart-tooltip__meta">{METRICS[figure.metric]?.toLowerCase() ?? figure.metric}, {formatPeriod(figure.periodStart, figure.periodEnd)}</div>
      <div className="chart-tooltip__meta">
        Stated {figure.statedOn ? `on ${figure.statedOn}` : "on a date not recorded"} · source {sourceRef(figure)}
      </div>
      {extra}
    </div>
  );
}
