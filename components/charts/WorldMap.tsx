"use client";
// A choropleth of source countries: each country shaded by the figure
// attributed to it (log scale: officials' figures span many orders of
// magnitude), hatched when it was named without a number, grey when no report
// in view names it. Regions cannot be drawn on a map of countries; they are
// listed beside it.
import { useState } from "react";
import type { MapShape } from "@/lib/dashboard/map-geometry";
import type { SourceRow } from "@/lib/dashboard/types";
import { compactLabel } from "@/lib/format";
import { mapClassLimits, mapClassOf } from "@/lib/dashboard/map-classes";
import { FigureTooltip, NamedHatchDefs } from "./shared";

const RAMP = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];

function colourFor(value: number, limits: number[]): string {
  return RAMP[mapClassOf(value, limits)];
}

export function WorldMap({ shapes, rows, width, height }: { shapes: MapShape[]; rows: SourceRow[]; width: number; height: number }) {
  const [hover, setHover] = useState<{ row: SourceRow | null; name: string; x: number; y: number } | null>(null);
  const byCode = new Map(rows.filter((row) => row.scopeType === "country").map((row) => [row.code, row]));
  const limits = mapClassLimits([...byCode.values()].flatMap((row) => (row.count === null ? [] : [row.count])), RAMP.length);
  return (
    <div className="world-map">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby="map-title" className="world-map__svg">
        <title id="map-title">{`Map of source countries: ${byCode.size} countries named by the reports in view`}</title>
        <NamedHatchDefs />
        <rect width={width} height={height} fill="#f7f9fb" />
        {shapes.map((shape, index) => {
          const row = shape.code ? byCode.get(shape.code) : undefined;
          const fill = !row ? "#e3e7ec" : row.count === null ? "url(#named-hatch)" : colourFor(row.count, limits);
          return (
            <path
              key={index}
              d={shape.d}
              fill={fill}
              stroke="#ffffff"
              strokeWidth={0.5}
              data-code={shape.code ?? undefined}
              className={row ? "world-map__country world-map__country--data" : "world-map__country"}
              onMouseMove={(event) => {
                const box = (event.currentTarget.ownerSVGElement as SVGSVGElement).getBoundingClientRect();
                setHover({ row: row ?? null, name: shape.name, x: event.clientX - box.left, y: event.clientY - box.top });
              }}
              onMouseLeave={() => setHover(null)}
            >
              <title>{row ? `${shape.name}: ${row.display}${row.sourceNumber ? ` [${row.sourceNumber}]` : ""}` : shape.name}</title>
            </path>
          );
        })}
      </svg>
      {hover && (
        <div className="world-map__tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
          {hover.row ? <FigureTooltip title={hover.name} figure={hover.row} /> : <div className="chart-tooltip">{hover.name}: not named</div>}
        </div>
      )}
      <ul className="map-legend" aria-label="Map legend">
        {limits.map((limit, index) => (
          <li key={index}>
            <span className="map-legend__swatch" style={{ background: RAMP[index] }} />
            {index === 0 ? "up to" : "to"} {compactLabel(limit)}
          </li>
        ))}
        <li>
          <span className="map-legend__swatch map-legend__swatch--named" />
          named, no figure
        </li>
        <li>
          <span className="map-legend__swatch" style={{ background: "#e3e7ec" }} />
          not named
        </li>
      </ul>
    </div>
  );
}
