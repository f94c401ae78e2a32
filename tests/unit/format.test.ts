import { describe, expect, it } from "vitest";
import { axisLabel, compactLabel, formatCount, formatDate, formatPeriod, formatQualified, NAMED_WITHOUT_FIGURE, roundSignificant } from "@/lib/format";
import { mapClassLimits, mapClassOf } from "@/lib/dashboard/map-classes";

describe("a qualified figure", () => {
  it("keeps its qualifier in words, as the speaker said it", () => {
    expect(formatQualified(40_000_000, "more_than")).toBe("more than 40,000,000");
    expect(formatQualified(1_500, "approximately")).toBe("approximately 1,500");
    expect(formatQualified(10, "at_least")).toBe("at least 10");
    expect(formatQualified(7, "up_to")).toBe("up to 7");
    expect(formatQualified(12_345, "exact")).toBe("12,345");
  });

  it("keeps its qualifier as a symbol in tables and CSV", () => {
    expect(formatQualified(40_000_000, "more_than", "symbol")).toBe("> 40,000,000");
    expect(formatQualified(1_500, "approximately", "symbol")).toBe("≈ 1,500");
    expect(formatQualified(10, "at_least", "symbol")).toBe("≥ 10");
    expect(formatQualified(7, "up_to", "symbol")).toBe("≤ 7");
    expect(formatQualified(3, "exact", "symbol")).toBe("3");
  });

  it("keeps its qualifier on compact axis labels", () => {
    expect(formatQualified(40_000_000, "more_than", "compact")).toBe("> 40M");
    expect(formatQualified(2_500_000_000, "approximately", "compact")).toBe("≈ 2.5B");
  });

  it("never makes an exact figure look rounded on a compact label", () => {
    // Issue 11 item 7: an exact 2,194 was labelled "2.2K".
    expect(formatQualified(2_194, "exact", "compact")).toBe("2,194");
    expect(compactLabel(2_194)).toBe("2,194");
    expect(compactLabel(999_999)).toBe("999,999");
    expect(compactLabel(12)).toBe("12");
  });

  it("abbreviates a figure only when the abbreviation is the figure itself, else says ≈", () => {
    expect(compactLabel(40_000_000)).toBe("40M");
    expect(compactLabel(2_500_000)).toBe("2.5M");
    expect(compactLabel(300_000)).toBe("300K");
    expect(compactLabel(4_300_000_000)).toBe("4.3B");
    expect(compactLabel(40_123_456)).toBe("≈40.1M");
    expect(compactLabel(2_194_000_000)).toBe("≈2.2B");
    expect(formatQualified(40_123_456, "more_than", "compact")).toBe("> ≈40.1M");
    // "approximately" and a rounding abbreviation make one ≈, not two.
    expect(formatQualified(40_123_456, "approximately", "compact")).toBe("≈ 40.1M");
  });

  it("labels axis ticks as the round numbers they are", () => {
    expect(axisLabel(0)).toBe("0");
    expect(axisLabel(40_000_000)).toBe("40M");
    expect(axisLabel(2_500)).toBe("2.5K");
    expect(axisLabel(1_250)).toBe("1,250");
    expect(axisLabel(500)).toBe("500");
  });
});

describe("map classes", () => {
  it("round each limit to 2 significant digits, so the legend states the limit used", () => {
    expect(roundSignificant(6_309_573)).toBe(6_300_000);
    expect(roundSignificant(1_234)).toBe(1_200);
    expect(roundSignificant(98)).toBe(98);
    const values = [2_194, 40_000_000, 123_456, 7];
    const limits = mapClassLimits(values, 5);
    expect(limits).toHaveLength(5);
    for (const limit of limits) expect(roundSignificant(limit)).toBe(limit);
    // Every label is exact: no "≈" in the legend.
    for (const limit of limits) expect(compactLabel(limit)).not.toMatch(/≈/);
    expect(limits.map(compactLabel)).toEqual(limits.map((limit) => compactLabel(roundSignificant(limit))));
    // The largest figure falls in the top class, the smallest in the first.
    expect(mapClassOf(40_000_000, limits)).toBe(4);
    expect(mapClassOf(7, limits)).toBe(0);
    for (let i = 1; i < limits.length; i++) expect(limits[i]).toBeGreaterThan(limits[i - 1]);
  });

  it("cover a largest figure that rounding would have left out", () => {
    const limits = mapClassLimits([10, 46_499], 5);
    expect(limits[4]).toBeGreaterThanOrEqual(46_499);
    expect(mapClassOf(46_499, limits)).toBe(4);
  });

  it("says 'named, no figure' for a source without a count, never zero", () => {
    for (const style of ["words", "symbol", "compact"] as const) {
      expect(formatQualified(null, "exact", style)).toBe(NAMED_WITHOUT_FIGURE);
      expect(formatQualified(null, "more_than", style)).not.toMatch(/0/);
    }
  });

  it("writes 64-bit-sized counts officials quote in billions without rounding", () => {
    expect(formatCount(4_300_000_000)).toBe("4,300,000,000");
    expect(formatCount(Number.MAX_SAFE_INTEGER)).toBe("9,007,199,254,740,991");
  });
});

describe("dates and periods", () => {
  it("reads calendar dates as days, whatever the machine's time zone", () => {
    expect(formatDate("2019-04-11")).toBe("11 April 2019");
    expect(formatDate("2020-02-29")).toBe("29 February 2020");
  });

  it("writes an open period as 'since', a day as a day, and a range as a range", () => {
    expect(formatPeriod("2019-04-11", null)).toBe("since 11 April 2019");
    expect(formatPeriod("2019-04-11", "2019-04-11")).toBe("11 April 2019");
    expect(formatPeriod("2019-01-01", "2019-03-31")).toBe("1 January 2019 – 31 March 2019");
  });
});
