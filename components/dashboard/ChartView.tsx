"use client";
// Picks the chart component for the open tab. Charts draw in the browser
// (Recharts); the table view is rendered on the server.
import { BySourceChart } from "@/components/charts/BySourceChart";
import { ByTargetChart } from "@/components/charts/ByTargetChart";
import { TimelineChart } from "@/components/charts/TimelineChart";
import { WorldMap } from "@/components/charts/WorldMap";
import type { ChartData } from "@/lib/dashboard/load";
import type { MapShape } from "@/lib/dashboard/map-geometry";

export function ChartView({
  chart,
  scale,
  range,
  map,
}: {
  chart: ChartData;
  scale: "linear" | "log";
  range?: { from?: string; to?: string };
  map?: { shapes: MapShape[]; width: number; height: number };
}) {
  switch (chart.chart) {
    case "timeline":
      return <TimelineChart data={chart.data} scale={scale} range={range} />;
    case "by-source":
      return <BySourceChart data={chart.data} />;
    case "by-target":
      return <ByTargetChart data={chart.data} />;
    case "map":
      return map ? <WorldMap shapes={map.shapes} rows={chart.data.rows} width={map.width} height={map.height} /> : null;
  }
}
