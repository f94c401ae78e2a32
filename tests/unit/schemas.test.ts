import { describe, expect, it } from "vitest";
import { encodeCursor, reportFiltersSchema, reportListQuerySchema } from "@/lib/schemas/report-query";
import { ApiError, issuesFromZod } from "@/lib/api/errors";
import { parseQuery } from "@/lib/api/handler";
import { reportInputSchema } from "@/lib/schemas/report";
import { speakerInputSchema, outletInputSchema } from "@/lib/schemas/sources";
import { tokenInputSchema } from "@/lib/schemas/accounts";

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

// Found by fuzzing (tests/integration/fuzz-writes.test.ts): these were accepted and stored altered.
describe("text the database cannot store as sent", () => {
  const report = {
    targetCountry: "PE",
    periodStart: "2020-01-01",
    speakers: [{ name: "Ana Torres" }],
    citations: [{ outlet: { name: "Agencia Andina" } }],
    observations: [{ count: 5, scope: { type: "all" } }],
  };
  const pathsOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) => result.error?.issues.map((i) => i.path.join("."));

  it("refuses a lone UTF-16 surrogate in any text (UTF-8 has no form for it: U+FFFD was stored)", () => {
    expect(pathsOf(reportInputSchema.safeParse({ ...report, quote: "a\ud800b" }))).toEqual(["quote"]);
    expect(pathsOf(speakerInputSchema.safeParse({ name: "\udc00Ana" }))).toEqual(["name"]);
    expect(pathsOf(tokenInputSchema.safeParse({ name: "ci\udfff" }))).toEqual(["name"]);
    expect(reportInputSchema.safeParse({ ...report, quote: "astral 𝕏 and 👩‍👩‍👧 are whole" }).success).toBe(true);
  });

  it("refuses control characters in a web address, which the URL parser drops but the database would keep (NUL breaks PostgreSQL)", () => {
    for (const url of ["\u0000https://example.org/", "https://example.org/a\u0000b", "\u0001http://example.org/", "https://example.org/\ud800"]) {
      expect(pathsOf(outletInputSchema.safeParse({ name: "Andina", homepage: url })), JSON.stringify(url)).toEqual(["homepage"]);
      expect(pathsOf(reportInputSchema.safeParse({ ...report, citations: [{ outlet: { name: "Andina" }, url }] }))).toEqual(["citations.0.url"]);
    }
  });
});

// Found by fuzzing: the query object inherited Object.prototype, so "?__proto__=…" replaced its
// prototype (and was silently ignored by the import over HTTP) and "?constructor=x" read Object.
describe("query parameters named like Object.prototype's properties", () => {
  it.each(["__proto__=1", "constructor=x", "__proto__=a&__proto__=b", "toString=1&hasOwnProperty=2"])("?%s is refused by name as an unknown parameter", (query) => {
    let error: unknown;
    try {
      parseQuery(new Request(`http://localhost/api/v1/reports?${query}`), reportListQuerySchema);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiError);
    const names = [...new URLSearchParams(query).keys()];
    expect((error as ApiError).issues).toEqual([{ path: "", message: `Unknown field${new Set(names).size > 1 ? "s" : ""}: ${[...new Set(names)].join(", ")}` }]);
  });
});
