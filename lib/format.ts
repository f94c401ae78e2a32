// How figures, qualifiers, dates and periods are written, everywhere: page,
// tooltip, table and CSV use these so a qualifier never gets lost on the way.
import type { Qualifier } from "./domain";

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

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
 * "more than 40,000,000" (words), "> 40,000,000" (symbol), "> 40M" (compact).
 * A null count is a named source without a figure.
 */
export function formatQualified(count: number | null, qualifier: Qualifier | null, style: QualifiedStyle = "words"): string {
  if (count === null) return NAMED_WITHOUT_FIGURE;
  const number = style === "compact" ? compact.format(count) : integer.format(count);
  const stated = qualifier ?? "exact";
  const prefix = style === "words" ? QUALIFIER_WORDS[stated] : QUALIFIER_SYMBOLS[stated];
  return prefix ? `${prefix} ${number}` : number;
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
