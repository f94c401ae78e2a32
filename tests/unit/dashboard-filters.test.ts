import { describe, expect, it } from "vitest";
import { dashboardHref, parseDashboardQuery } from "@/lib/dashboard/filters";
import { fileStem, filterSummary } from "@/lib/dashboard/describe";

describe("the dashboard's state in the URL", () => {
  it("reads filters and view, with defaults", () => {
    const parsed = parseDashboardQuery({ target: "ec,pe", from: "2019-01-01", chart: "map", view: "table", outlet: "3" });
    expect(parsed.problems).toEqual([]);
    expect(parsed.filters).toEqual({ target: ["EC", "PE"], from: "2019-01-01", outlet: [3] });
    expect(parsed.view).toEqual({ chart: "map", view: "table", scale: "auto" });
  });

  it("drops what it cannot read, says why, and keeps the rest", () => {
    const parsed = parseDashboardQuery({ target: "EC,XX", from: "2019-13-01", chart: "pie", utm_source: "mail", source: "150" });
    expect(parsed.filters).toEqual({ source: ["150"] });
    expect(parsed.view.chart).toBe("timeline");
    expect(parsed.problems.map((p) => p.path).sort()).toEqual(["", "chart", "from", "target.1"]);
  });

  it("writes a view back to the same short link", () => {
    const filters = { target: ["EC"], source: ["150", "US"], from: "2019-04-11", status: ["published" as const, "retracted" as const] };
    const href = dashboardHref(filters, { chart: "by-source", view: "table", scale: "auto" });
    expect(href).toBe("/?target=EC&source=150%2CUS&from=2019-04-11&status=published%2Cretracted&chart=by-source&view=table");
    const back = parseDashboardQuery(Object.fromEntries(new URLSearchParams(href.slice(2))));
    expect(back.filters).toEqual(filters);
    expect(back.view).toEqual({ chart: "by-source", view: "table", scale: "auto" });
    expect(dashboardHref({}, {})).toBe("/");
  });
});

describe("words around a chart", () => {
  it("summarises the filters in a sentence", () => {
    expect(filterSummary({ target: ["EC"], source: ["150"], from: "2019-04-11" })).toBe(
      "target Ecuador · source Europe · from 11 April 2019 · published reports",
    );
  });

  it("names export files after chart, rows, filters and date, with nothing unsafe", () => {
    expect(fileStem("timeline", { target: ["EC"], from: "2019-01-01" }, "displayed", "2026-11-24")).toBe(
      "cyberattack-reports_timeline_displayed_target-EC_from-2019-01-01_2026-11-24",
    );
    expect(fileStem("by-source", { target: ["EC"] }, "full", "2026-11-24")).toBe("cyberattack-reports_by-source_full_2026-11-24");
    expect(fileStem("reports", { org: ['a"b'] }, "displayed", "2026-11-24")).toMatch(/^[A-Za-z0-9_.-]+$/);
  });
});
