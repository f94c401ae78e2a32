"use client";
// Horizontal bars, one per country or region, each the figure of one report.
// A source named without a number gets a hatched band labelled "named, no
// figure" across the plot: visibly not a quantity, and never a zero.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatQualified, NAMED_WITHOUT_FIGURE } from "@/lib/format";
import type { Figure } from "@/lib/dashboard/types";
import { FigureTooltip, NAMED_FILL, NamedHatchDefs, axisTick } from "./shared";

export interface RankedRow {
  key: string;
  label: string;
  figure: Figure;
  /** Extra line in the tooltip, e.g. "named in 3 reports". */
  note?: string;
}

interface Datum extends RankedRow {
  barValue: number;
  valueLabel: string;
}

const ROW_HEIGHT = 30;

export function RankedBars({ rows, colour, valueName }: { rows: RankedRow[]; colour: string; valueName: string }) {
  const max = Math.max(1, ...rows.map((row) => row.figure.count ?? 0));
  const data: Datum[] = rows.map((row) => ({
    ...row,
    barValue: row.figure.count ?? max,
    valueLabel: row.figure.count === null ? NAMED_WITHOUT_FIGURE : formatQualified(row.figure.count, row.figure.qualifier, "compact"),
  }));
  const labelWidth = Math.min(220, Math.max(90, ...rows.map((row) => row.label.length * 7)));
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, rows.length * ROW_HEIGHT + 48)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 96, bottom: 8, left: 8 }} barCategoryGap={6} accessibilityLayer>
        <NamedHatchDefs />
        <CartesianGrid stroke="#e6eaef" horizontal={false} />
        <XAxis
          type="number"
          domain={[0, max]}
          tickFormatter={axisTick}
          tick={{ fontSize: 12 }}
          name={valueName}
          // With only named sources there is no quantity to put on an axis.
          hide={rows.every((row) => row.figure.count === null)}
        />
        <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: 12 }} interval={0} />
        <Bar dataKey="barValue" name={valueName} isAnimationActive={false}>
          {data.map((datum) => (
            <Cell
              key={datum.key}
              fill={datum.figure.count === null ? NAMED_FILL : colour}
              fillOpacity={datum.figure.count === null ? 0.6 : 1}
              stroke={datum.figure.count === null ? "#c58a14" : undefined}
              strokeDasharray={datum.figure.count === null ? "4 3" : undefined}
            />
          ))}
          <LabelList
            dataKey="valueLabel"
            position="right"
            style={{ fontSize: 12, fill: "#14202b", fontWeight: 600 }}
            content={(props) => {
              const { x, y, width, height, value, index } = props as { x: number; y: number; width: number; height: number; value: string; index: number };
              const named = data[index]?.figure.count === null;
              // A named band spans the plot: its words sit inside it, at the start.
              const tx = named ? Number(x) + 8 : Number(x) + Number(width) + 6;
              return (
                <text x={tx} y={Number(y) + Number(height) / 2} dy="0.35em" fontSize={12} fontWeight={600} fill={named ? "#7a5200" : "#14202b"}>
                  {value}
                  {data[index]?.figure.sourceNumber ? ` [${data[index].figure.sourceNumber}]` : ""}
                </text>
              );
            }}
          />
        </Bar>
        <Tooltip
          cursor={{ fill: "rgba(31, 95, 168, 0.06)" }}
          isAnimationActive={false}
          content={({ active, payload }) => {
            const datum = active ? (payload?.[0]?.payload as Datum | undefined) : undefined;
            if (!datum) return null;
            return (
              <FigureTooltip
                title={datum.label}
                figure={datum.figure}
                extra={datum.note ? <div className="chart-tooltip__note">{datum.note}</div> : undefined}
              />
            );
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
