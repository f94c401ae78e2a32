// The map's colour classes: log-spaced limits (officials' figures span many
// orders of magnitude), each rounded to 2 significant digits so the legend's
// "to 6.3M" is exactly the limit a country was classed by.
import { roundSignificant } from "../format";

/** Upper limits of `classCount` classes covering these figures; the last one reaches the largest figure. */
export function mapClassLimits(values: readonly number[], classCount: number): number[] {
  if (values.length === 0) return [];
  const largest = Math.max(...values);
  const lo = Math.log10(Math.max(1, Math.min(...values)));
  const hi = Math.log10(Math.max(1, largest));
  const step = (hi - lo) / classCount || 1;
  const limits = Array.from({ length: classCount }, (_, i) => roundSignificant(10 ** (lo + step * (i + 1))));
  // Rounding the top limit down would leave the largest figure outside every class.
  while (limits[classCount - 1] < largest) limits[classCount - 1] = roundSignificant(limits[classCount - 1] * 1.05);
  return limits;
}

/** The class of a figure: the first whose limit it does not pass. */
export function mapClassOf(value: number, limits: readonly number[]): number {
  const index = limits.findIndex((limit) => value <= limit);
  return index === -1 ? limits.length - 1 : index;
}
