// Where the timeline puts each mark, as plain arithmetic on day numbers (ms
// since the epoch at UTC midnight), so it can be tested without a browser.
// A claim whose period overlaps the visible range is always drawn inside it:
// one that began before the axis starts is clamped to the axis start and
// marked as continuing past the edge; its true start stays in the tooltip.

export const DAY_MS = 86_400_000;
export const dayMs = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

/** At least a year in view, so a lone figure sits in a readable stretch of time. */
const MIN_SPAN = 365 * DAY_MS;

export interface MarkPeriod {
  periodStart: string;
  /** Where the drawn segment ends (inclusive day); null: open, the end is not known. */
  drawEnd: string | null;
  count: number | null;
}

export interface Placement {
  /** Where the mark's point sits: its start, or the axis start when it began earlier. */
  x: number;
  /** Where its segment ends (exclusive), inside the axis; null for an open arrow. */
  endX: number | null;
  /** It began before the axis start. */
  clippedStart: boolean;
  /** It runs past the axis end. */
  clippedEnd: boolean;
}

/** The x-axis domain: the filtered range when given, otherwise the marks' span padded, at least a year. */
export function timelineDomain(marks: readonly MarkPeriod[], range: { from?: string; to?: string } = {}): [number, number] {
  const from = range.from ? dayMs(range.from) : null;
  const to = range.to ? dayMs(range.to) + DAY_MS : null;
  const drawn = marks.filter((mark) => mark.count !== null);
  // Starts before `from` are drawn at `from`; they must not stretch the span the axis is sized for.
  const starts = drawn.map((mark) => Math.max(dayMs(mark.periodStart), from ?? -Infinity));
  const ends = drawn.map((mark, i) => Math.max(starts[i], dayMs(mark.drawEnd ?? mark.periodStart)) + DAY_MS);
  if (starts.length === 0) {
    const now = to ?? (from !== null ? from + MIN_SPAN : Date.UTC(2000, 0, 1));
    return [from ?? now - MIN_SPAN, to ?? Math.max(now, (from ?? 0) + MIN_SPAN)];
  }
  const first = Math.min(...starts);
  const last = Math.max(...ends);
  const centre = (first + last) / 2;
  // A fixed end of the range holds the year of view on the other side.
  const min = Math.min(first, to !== null ? to - MIN_SPAN : centre - MIN_SPAN / 2);
  const max = Math.max(last, from !== null ? from + MIN_SPAN : centre + MIN_SPAN / 2);
  const pad = (max - min) * 0.04;
  return [from ?? min - pad, to ?? max + pad];
}

/** Where a mark is drawn on this domain; null when no part of its period is in view. */
export function placeMark(mark: MarkPeriod, domain: readonly [number, number]): Placement | null {
  const start = dayMs(mark.periodStart);
  const end = mark.drawEnd === null ? null : dayMs(mark.drawEnd) + DAY_MS;
  if (start >= domain[1]) return null;
  if (end !== null && end <= domain[0]) return null;
  return {
    x: Math.max(start, domain[0]),
    endX: end === null ? null : Math.min(end, domain[1]),
    clippedStart: start < domain[0],
    clippedEnd: end !== null && end > domain[1],
  };
}
