// World geometry for the map, projected once per process on the server:
// Natural Earth 1:110m outlines from world-atlas, keyed by ISO 3166-1 numeric
// code, drawn with d3-geo's Equal Earth projection (areas stay comparable).
import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas from "world-atlas/countries-110m.json";
import { COUNTRIES } from "../reference-data";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

export interface MapShape {
  /** ISO 3166-1 alpha-2, or null for areas without an ISO code (e.g. N. Cyprus). */
  code: string | null;
  name: string;
  d: string;
}

let shapes: MapShape[] | undefined;

export function worldShapes(): MapShape[] {
  if (shapes) return shapes;
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    collection,
  );
  const path = geoPath(projection).digits(1);
  const byNumeric = new Map(COUNTRIES.map((country) => [country.numeric, country]));
  // A few outlines carry no numeric code (Kosovo); their names match ISO's.
  const byName = new Map(COUNTRIES.map((country) => [country.name, country]));
  shapes = collection.features
    .filter((f) => f.properties?.name !== "Antarctica")
    .map((f) => {
      const country = f.id === undefined ? byName.get(f.properties?.name ?? "") : byNumeric.get(String(f.id));
      return { code: country?.code ?? null, name: country?.name ?? f.properties?.name ?? "", d: path(f) ?? "" };
    })
    .filter((shape) => shape.d);
  return shapes;
}
