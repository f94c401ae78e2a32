// How figures, qualifiers, dates and periods are written, everywhere: page,
// tooltip, table and CSV use these so a qualifier never gets lost on the way.
import type { Qualifier } from "./domain";

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const UNITS: Array<[number, string]> = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "K"],
];

/** "40M" when that is exactly the figure (40,000,000 or 2,500,000), null when abbreviating would round it. */
function exactAbbreviation(count: number): string | null {
  for (const [unit, suffix] of UNITS) {
    if (Math.abs(count) < unit) continue;
    // One decimal at most: 2.5M is a figure as stated, 2.19M is not short any more.
    const tenths = (count * 10) / unit;
    return Number.isInteger(tenths) ? `${tenths / 10}${suffix}` : null;
  }
  return null;
}

/** Figures from this size on are abbreviated in labels, with "≈" when that rounds them. */
const ABBREVIATE_FROM = 1_000_000;

/**
 * A short label that never makes an exact figure look rounded: the figure as
 * stated with thousands separators ("2,194"); abbreviated only when the
 * abbreviation is the figure itself ("40M" for 40,000,000); "≈2.2M" when a
 * large figure must be shortened and that rounds it.
 */
export function compactLabel(count: number): string {
  const exact = exactAbbreviation(count);
  if (exact) return exact;
  if (Math.abs(count) < ABBREVIATE_FROM) return integer.format(count);
  return `≈${compact.format(count)}`;
}

/** Axis ticks are round numbers: "40M", "2.5K", "1,250" — never a rounded label on a tick. */
export function axisLabel(value: number): string {
  return exactAbbreviation(value) ?? integer.format(value);
}

/** A class limit rounded to 2 significant digits: the map legend's "to 6.3M" is then exactly the limit used. */
export function roundSignificant(value: number, digits = 2): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - digits + 1);
  return Math.round(value / magnitude) * magnitude;
}

export const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: "",
  approximately: "approximately",
  at_least: "at least",
  more_than: "more than",
  up_to: "up to",
};

export const QUALIFIER_SYMBOLS: Record<Qualifier, string> = {
  exact: "",
  approximately: "≈",
  at_least: "≥",
  more_than: ">",
  up_to: "≤",
};

/** Shown wherever a source was named without a number. Never "0". */
export const NAMED_WITHOUT_FIGURE = "named, no figure";

export function formatCount(count: number): string {
  return integer.format(count);
}

export type QualifiedStyle = "words" | "symbol" | "compact";

/**
 * "more than 40,000,000" (words), "> 40,000,000" (symbol), "> 40M" (compact, see compactLabel).
 * A null count is a named source without a figure.
 */
export function formatQualified(count: number | null, qualifier: Qualifier | null, style: QualifiedStyle = "words"): string {
  if (count === null) return NAMED_WITHOUT_FIGURE;
  const number = style === "compact" ? compactLabel(count) : integer.format(count);
  const stated = qualifier ?? "exact";
  const prefix = style === "words" ? QUALIFIER_WORDS[stated] : QUALIFIER_SYMBOLS[stated];
  if (!prefix) return number;
  // "approximately" abbreviated is still one "≈", not two.
  if (stated === "approximately" && number.startsWith("≈")) return number.replace(/^≈/, "≈ ");
  return `${prefix} ${number}`;
}

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2019-04-11" → "11 April 2019". Calendar dates are days, read in UTC so no zone shifts them. */
export function formatDate(isoDate: string): string {
  return longDate.format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * A period in words: "11 April 2019" (one day), "since 11 April 2019" (open end),
 * "1 January 2019 – 31 March 2019".
 */
export function formatPeriod(start: string, end: string | null): string {
  if (end === null) return `since ${formatDate(start)}`;
  if (end === start) return formatDate(start);
  return `${formatDate(start)} – ${formatDate(end)}`;
}
