// Issue 11 item 4: an open-ended claim that began before the from-date was
// placed before the axis start and clipped, while the legend counted it.
import { describe, expect, it } from "vitest";
import { DAY_MS, dayMs, placeMark, timelineDomain } from "@/lib/dashboard/timeline-layout";

const assange = { periodStart: "2019-04-11", drawEnd: null, count: 40_000_000 };

describe("timeline layout", () => {
  it("clamps a claim that began before the from-date to the axis start and marks it", () => {
    const domain = timelineDomain([assange], { from: "2019-05-01" });
    expect(domain[0]).toBe(dayMs("2019-05-01"));
    const placed = placeMark(assange, domain)!;
    expect(placed).not.toBeNull();
    expect(placed.x).toBe(domain[0]);
    expect(placed.x).toBeLessThan(domain[1]);
    expect(placed.clippedStart).toBe(true);
    expect(placed.endX).toBeNull();
  });

  it("sizes the axis from the from-date, not from a start before it", () => {
    const domain = timelineDomain([assange], { from: "2019-05-01" });
    // A year at least, starting at the from-date.
    expect(domain[1] - domain[0]).toBeGreaterThanOrEqual(365 * DAY_MS);
  });

  it("keeps a claim inside the range where it is, unmarked", () => {
    const mark = { periodStart: "2020-01-01", drawEnd: "2020-12-31", count: 800 };
    const domain = timelineDomain([mark], { from: "2019-05-01", to: "2021-12-31" });
    expect(placeMark(mark, domain)).toEqual({ x: dayMs("2020-01-01"), endX: dayMs("2021-01-01"), clippedStart: false, clippedEnd: false });
  });

  it("cuts a period running past the to-date at the axis end", () => {
    const mark = { periodStart: "2020-01-01", drawEnd: "2022-12-31", count: 800 };
    const domain = timelineDomain([mark], { to: "2021-06-30" });
    const placed = placeMark(mark, domain)!;
    expect(placed.endX).toBe(dayMs("2021-07-01"));
    expect(placed.clippedEnd).toBe(true);
  });

  it("leaves out only a mark with no day in view", () => {
    const domain: [number, number] = [dayMs("2020-01-01"), dayMs("2021-01-01")];
    expect(placeMark({ periodStart: "2019-01-01", drawEnd: "2019-12-31", count: 1 }, domain)).toBeNull();
    expect(placeMark({ periodStart: "2021-01-01", drawEnd: null, count: 1 }, domain)).toBeNull();
    expect(placeMark({ periodStart: "2019-01-01", drawEnd: "2020-01-01", count: 1 }, domain)?.clippedStart).toBe(true);
  });

  it("without a range, spans every mark with a margin", () => {
    const marks = [
      { periodStart: "2019-04-11", drawEnd: null, count: 1 },
      { periodStart: "2022-01-01", drawEnd: "2022-12-31", count: 2 },
    ];
    const domain = timelineDomain(marks);
    for (const mark of marks) expect(placeMark(mark, domain)?.clippedStart).toBe(false);
    expect(domain[1]).toBeGreaterThan(dayMs("2023-01-01"));
  });
});
