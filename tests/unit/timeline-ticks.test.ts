import { describe, expect, it } from "vitest";
import { timeTicks } from "@/components/charts/TimelineChart";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const labels = (from: string, to: string) => {
  const axis = timeTicks([day(from), day(to)]);
  return axis.ticks.map(axis.format);
};

describe("timeline axis ticks", () => {
  it("marks every year, once, over a few years", () => {
    expect(labels("2014-06-01", "2018-03-01")).toEqual(["2015", "2016", "2017", "2018"]);
  });

  it("steps by two or four years over long spans", () => {
    expect(labels("2006-01-01", "2016-01-01")).toEqual(["2006", "2008", "2010", "2012", "2014", "2016"]);
    expect(labels("2000-03-01", "2025-12-31")).toEqual(["2004", "2008", "2012", "2016", "2020", "2024"]);
  });

  it("marks quarters or months over short spans", () => {
    expect(labels("2019-01-15", "2020-06-30")).toEqual(["Apr 2019", "Jul 2019", "Oct 2019", "Jan 2020", "Apr 2020"]);
    expect(labels("2019-04-01", "2019-07-15")).toEqual(["Apr 2019", "May 2019", "Jun 2019", "Jul 2019"]);
  });
});
