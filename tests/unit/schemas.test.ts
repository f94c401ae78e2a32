import { describe, expect, it } from "vitest";
import { encodeCursor, reportFiltersSchema, reportListQuerySchema } from "@/lib/schemas/report-query";
import { issuesFromZod } from "@/lib/api/errors";

function issues(input: Record<string, unknown>) {
  const parsed = reportListQuerySchema.safeParse(input);
  if (parsed.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return issuesFromZod(parsed.error);
}

describe("the report list query", () => {
  it("applies defaults when nothing is given", () => {
    expect(reportListQuerySchema.parse({})).toEqual({ limit: 50 });
  });

  it("accepts comma lists and repeated parameters, upper-casing country codes", () => {
    const query = reportListQuerySchema.parse({ target: ["ec", "US,br"], source: "150,fr", status: "published,retracted" });
    expect(query.target).toEqual(["EC", "US", "BR"]);
    expect(query.source).toEqual(["150", "FR"]);
    expect(query.status).toEqual(["published", "retracted"]);
  });

  it("names an unknown country code", () => {
    expect(issues({ target: "EC,XX" })).toEqual([{ path: "target.1", message: "Unknown country code 'XX'" }]);
  });

  it("refuses a source that is neither a country nor an M49 region", () => {
    const [issue] = issues({ source: "999" });
    expect(issue.path).toBe("source.0");
    expect(issue.message).toMatch(/Unknown source '999'/);
  });

  it("refuses dates that are not real calendar days", () => {
    expect(issues({ from: "2019-02-30" })[0]).toMatchObject({ path: "from" });
    expect(issues({ to: "11/04/2019" })[0]).toMatchObject({ path: "to" });
  });

  it("refuses a range that ends before it starts, in the list and in the filters", () => {
    expect(issues({ from: "2019-05-01", to: "2019-04-01" })).toEqual([
      { path: "to", message: "must be on or after from (2019-05-01)" },
    ]);
    expect(reportFiltersSchema.safeParse({ from: "2019-05-01", to: "2019-04-01" }).success).toBe(false);
  });

  it("refuses limits that are not whole numbers from 1 to 500", () => {
    for (const limit of ["0", "501", "abc", "2.5", "-1"]) expect(issues({ limit })[0].path).toBe("limit");
    expect(reportListQuerySchema.parse({ limit: "500" }).limit).toBe(500);
  });

  it("round-trips its own cursors and refuses forged ones", () => {
    expect(reportListQuerySchema.parse({ cursor: encodeCursor(1234) }).cursor).toBe(1234);
    expect(issues({ cursor: "not-a-cursor" })[0].path).toBe("cursor");
    expect(issues({ cursor: Buffer.from("r:-1").toString("base64url") })[0].path).toBe("cursor");
  });

  it("refuses unknown parameters by name, so a typo is not silently ignored", () => {
    expect(issues({ tagret: "EC" })).toEqual([{ path: "", message: "Unknown field: tagret" }]);
  });

  it("refuses an unknown status or metric", () => {
    expect(issues({ status: "deleted" })[0].path).toBe("status.0");
    expect(issues({ metric: "hacks" })[0].path).toBe("metric.0");
  });
});
