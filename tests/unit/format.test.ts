import { describe, expect, it } from "vitest";
import { formatCount, formatDate, formatPeriod, formatQualified, NAMED_WITHOUT_FIGURE } from "@/lib/format";

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
