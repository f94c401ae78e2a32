"use client";
// Reported figures on their periods: a segment from a period's start to its
// end (dashed when it is open and ends at the statement date), a point for a
// one-day period, an arrow for an open period whose statement date is not
// known, bars for daily series. One colour per target country.
import {
  CartesianGrid,
  ComposedChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
  useYAxisDomain,
} from "recharts";
import type { TimelineData, TimelineMark } from "@/lib/dashboard/types";
import { placeMark, timelineDomain, type Placement } from "@/lib/dashboard/timeline-layout";
import { formatDate, formatPeriod } from "@/lib/format";
import { seriesColour } from "./palette";
import { DAY_MS, FigureTooltip, axisTick, dayMs, sourceRef } from "./shared";

interface Point extends TimelineMark {
  x: number;
  y: number;
  placement: Placement;
}

const BUCKET_WORDS = { day: "day", week: "week", month: "month", year: "year" } as const;

function useColours(data: TimelineData): Map<string, string> {
  return new Map(data.series.map((series, index) => [series.code, seriesColour(index)]));
}

/** Keeps hand-drawn marks inside the plot, like Recharts' own series. */
function Clipped({ id, children }: { id: string; children: React.ReactNode }) {
  const area = usePlotArea();
  if (!area) return null;
  return (
    <>
      <defs>
        <clipPath id={id}>
          <rect x={area.x} y={area.y} width={area.width} height={area.height} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${id})`}>{children}</g>
    </>
  );
}

/** Segments and arrows drawn with the chart's own scales, under the points. */
function PeriodSegments({ points, colours }: { points: Point[]; colours: Map<string, string> }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  return (
    <g className="timeline-segments" aria-hidden="true">
      {points.map((point, index) => {
        if (point.kind !== "period") return null;
        const x1 = x(point.placement.x);
        const yy = y(point.y);
        if (x1 === undefined || yy === undefined) return null;
        const colour = colours.get(point.series) ?? "#333";
        // Began before the axis start: a chevron at the edge says the period goes on to the left.
        const edge = point.placement.clippedStart ? (
          <path className="timeline-edge" d={`M${x1 + 9},${yy - 6} l-7,6 l7,6`} fill="none" stroke={colour} strokeWidth={2} />
        ) : null;
        if (point.placement.endX === null) {
          // Open period, statement date unknown: an arrow, not a guessed end.
          return (
            <g key={index}>
              {edge}
              <path d={`M${x1},${yy} h18 m-6,-5 l6,5 l-6,5`} fill="none" stroke={colour} strokeWidth={2} />
            </g>
          );
        }
        if (point.drawEnd === point.periodStart) return null;
        const x2 = x(point.placement.endX);
        if (x2 === undefined) return <g key={index}>{edge}</g>;
        return (
          <g key={index}>
            {edge}
            <line
              x1={x1}
              x2={Math.max(x2, x1 + 2)}
              y1={yy}
              y2={yy}
              stroke={colour}
              strokeWidth={3}
              strokeDasharray={point.periodEnd === null ? "6 4" : undefined}
              strokeLinecap="round"
            />
          </g>
        );
      })}
    </g>
  );
}

/**
 * Daily series as bars from the axis up to each day's figure — on a linear
 * scale. On a log scale a bar's length means nothing, so each day is a short
 * tick at its figure instead.
 */
function DailyBars({ marks, colours, log }: { marks: TimelineMark[]; colours: Map<string, string>; log: boolean }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const domain = useYAxisDomain();
  if (!x || !y || !domain) return null;
  const bottom = y(Number(domain[0]));
  if (bottom === undefined) return null;
  return (
    <g className="timeline-daily" aria-hidden="true">
      {marks.map((mark, index) => {
        if (mark.kind !== "daily" || mark.count === null) return null;
        const left = x(dayMs(mark.periodStart));
        const right = x(dayMs(mark.periodStart) + DAY_MS);
        const top = y(mark.count);
        if (left === undefined || right === undefined || top === undefined) return null;
        if (log) {
          return <line key={index} x1={left} x2={Math.max(right, left + 3)} y1={top} y2={top} stroke={colours.get(mark.series) ?? "#333"} strokeWidth={3} />;
        }
        return (
          <rect
            key={index}
            x={left}
            width={Math.max(2, right - left - 1)}
            y={top}
            height={Math.max(0, bottom - top)}
            fill={colours.get(mark.series) ?? "#333"}
            fillOpacity={0.55}
          />
        );
      })}
    </g>
  );
}

/** Ticks on calendar boundaries: every few years, every year, every quarter or every month. */
export function timeTicks(domain: [number, number]): { ticks: number[]; format: (value: number) => string } {
  const [start, end] = domain;
  const years = (end - start) / (365.25 * DAY_MS);
  const monthStep = years > 16 ? 48 : years > 8 ? 24 : years > 3 ? 12 : years > 1 ? 3 : 1;
  // Count months from year 0, so steps of 12 or 24 land on January of round years.
  const first = new Date(start);
  let month = first.getUTCFullYear() * 12 + first.getUTCMonth();
  if (Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1) < start) month += 1;
  month = Math.ceil(month / monthStep) * monthStep;
  const ticks: number[] = [];
  for (let t = Date.UTC(Math.floor(month / 12), month % 12, 1); t <= end; t = Date.UTC(Math.floor(month / 12), month % 12, 1)) {
    ticks.push(t);
    month += monthStep;
  }
  const format = new Intl.DateTimeFormat("en-GB", monthStep >= 12 ? { year: "numeric", timeZone: "UTC" } : { month: "short", year: "numeric", timeZone: "UTC" });
  return { ticks, format: (value: number) => format.format(new Date(value)) };
}

export function TimelineChart({
  data,
  scale,
  range,
  height = 420,
}: {
  data: TimelineData;
  scale: "linear" | "log";
  /** The period the filters ask for: the axis shows exactly that when it is given. */
  range?: { from?: string; to?: string };
  height?: number;
}) {
  const colours = useColours(data);
  const names = new Map(data.series.map((series) => [series.code, series.name]));
  const domain = timelineDomain(data.marks, range);
  const points: Point[] = data.marks.flatMap((m) => {
    const placement = m.count === null ? null : placeMark(m, domain);
    return placement ? [{ ...m, x: placement.x, y: m.count as number, placement }] : [];
  });
  const named = data.marks.filter((m) => m.count === null);
  if (points.length === 0) return <NamedList marks={named} names={names} />;
  const axis = timeTicks(domain);
  const values = points.map((p) => p.y);
  const useLog = scale === "log" && values.every((v) => v > 0);
  const yDomain: [number, number] = useLog
    ? [Math.max(1, Math.min(...values) / 2), Math.max(...values) * 2]
    : [0, Math.max(...values) * 1.1 || 1];
  const events = data.events.filter((event) => dayMs(event.date) >= domain[0] && dayMs(event.date) <= domain[1]);

  return (
    <>
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart margin={{ top: 28, right: 24, bottom: 8, left: 8 }} accessibilityLayer>
        <CartesianGrid stroke="#e6eaef" />
        <XAxis
          dataKey="x"
          type="number"
          scale="time"
          domain={domain}
          allowDataOverflow
          ticks={axis.ticks}
          tickFormatter={axis.format}
          tick={{ fontSize: 12 }}
          name="Period start"
        />
        <YAxis
          dataKey="y"
          type="number"
          scale={useLog ? "log" : "linear"}
          domain={yDomain}
          allowDataOverflow
          tickFormatter={axisTick}
          tick={{ fontSize: 12 }}
          width={64}
          name="Reported figure"
          label={{ value: useLog ? "Reported figure (log scale)" : "Reported figure", angle: -90, position: "insideLeft", fontSize: 12, dy: 60 }}
        />
        {events.map((event) => (
          <ReferenceLine
            key={event.id}
            x={dayMs(event.date)}
            stroke="#6b7785"
            strokeDasharray="3 3"
            label={{ value: `${event.label}, ${event.date}`, position: "insideTopLeft", fontSize: 11, fill: "#4a5866", offset: 6 }}
            ifOverflow="hidden"
          />
        ))}
        {!data.bucket && (
          <Clipped id="timeline-clip">
            <DailyBars marks={data.marks} colours={colours} log={useLog} />
            <PeriodSegments points={points} colours={colours} />
          </Clipped>
        )}
        {data.series.map((series) => (
          <Scatter
            key={series.code}
            name={series.name}
            data={points.filter((p) => p.series === series.code)}
            fill={colours.get(series.code)}
            isAnimationActive={false}
          />
        ))}
        <Tooltip
          cursor={{ strokeDasharray: "3 3" }}
          isAnimationActive={false}
          content={({ active, payload }) => {
            const point = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
            if (!point) return null;
            const extra =
              point.others > 0 ? (
                <div className="chart-tooltip__note">
                  Latest statement of {point.others + 1} in this {BUCKET_WORDS[data.bucket ?? "day"]}; the others are not added.
                </div>
              ) : point.kind === "daily" ? (
                <div className="chart-tooltip__note">One day of a daily series</div>
              ) : point.periodEnd === null ? (
                <div className="chart-tooltip__note">Open-ended period (“since …”)</div>
              ) : null;
            const edge = point.placement.clippedStart ? (
              <div className="chart-tooltip__note">Began {formatDate(point.periodStart)}, before the chart starts: drawn from its left edge.</div>
            ) : null;
            const title = `${names.get(point.series) ?? point.series}${point.source ? `, attributed to ${point.source}` : ""}`;
            return <FigureTooltip title={title} figure={point} extra={<>{edge}{extra}</>} />;
          }}
        />
      </ComposedChart>
    </ResponsiveContainer>
    <NamedList marks={named} names={names} />
    </>
  );
}

/** Sources named without a figure: said in words beside the chart, never drawn as a quantity. */
function NamedList({ marks, names }: { marks: TimelineMark[]; names: Map<string, string> }) {
  if (marks.length === 0) return null;
  return (
    <div className="timeline-named">
      <h3 className="label">Named, no figure</h3>
      <ul>
        {marks.map((mark) => (
          <li key={mark.observationId}>
            <strong>{mark.source}</strong>: named, no figure, in a report on {names.get(mark.series) ?? mark.series} ({formatPeriod(mark.periodStart, mark.periodEnd)}) {sourceRef(mark)}
          </li>
        ))}
      </ul>
    </div>
  );
}
