import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, CSV_COLUMN_DESCRIPTIONS, neutralizeCell, reportCsvRows, restoreCell } from "@/lib/csv/columns";
import type { ReportJson } from "@/lib/reports/types";

const founding: ReportJson = {
  id: 1,
  targetCountry: "EC",
  metric: "cyberattacks",
  periodStart: "2019-04-11",
  periodEnd: null,
  periodLabel: "since the arrest of Julian Assange",
  periodEventId: 1,
  statedOn: null,
  quote: null,
  notes: null,
  status: "published",
  retractionReason: null,
  synthetic: false,
  version: 3,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  speakers: [
    { id: 1, name: null, role: "Deputy minister", organisation: null, country: "EC", subject: "figure", quote: null },
    { id: 2, name: "Javier Jara", role: "Official", organisation: "Telecommunications ministry", country: "EC", subject: "attribution", quote: "threats" },
  ],
  citations: [
    { id: 1, outlet: { id: 1, name: "AFP", kind: "wire_agency", homepage: null, country: null }, kind: "interview", url: null, title: null, publishedOn: null, accessedOn: null, takenFrom: null },
    { id: 2, outlet: { id: 2, name: "The Hill", kind: "news_outlet", homepage: null, country: null }, kind: "republished", url: "https://thehill.com/x", title: null, publishedOn: "2019-04-15", accessedOn: null, takenFrom: 0 },
  ],
  observations: [
    { id: 1, count: 40_000_000, qualifier: "more_than", periodStart: "2019-04-11", periodEnd: null, scope: { type: "all", code: null }, note: null },
    { id: 2, count: null, qualifier: null, periodStart: "2019-04-11", periodEnd: null, scope: { type: "region", code: "150" }, note: "several European countries" },
  ],
};

describe("the CSV row format", () => {
  it("describes every column", () => {
    expect(Object.keys(CSV_COLUMN_DESCRIPTIONS).sort()).toEqual([...CSV_COLUMNS].sort());
  });

  it("writes one row per observation with the qualifier, the named source and the chain", () => {
    const rows = reportCsvRows(founding);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      report_id: "1",
      report_version: "3",
      target_country_name: "Ecuador",
      count: "40000000",
      qualifier: "more_than",
      display_value: "> 40,000,000",
      period_end: "",
      scope_type: "all",
      source_code: "",
      speakers: "; Deputy minister;  | Javier Jara; Official; Telecommunications ministry",
      citations: "AFP; ;  | The Hill; https://thehill.com/x; 2019-04-15",
      citation_chain: "AFP (interview) → The Hill (republished)",
      synthetic: "false",
    });
    expect(rows[1]).toMatchObject({ count: "", display_value: "named, no figure", scope_type: "region", source_code: "150", source_name: "Europe" });
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
  });

  it("keeps the full provenance in the JSON columns", () => {
    const [row] = reportCsvRows(founding);
    expect(JSON.parse(row.speakers_json)[1]).toEqual({
      id: 2, name: "Javier Jara", role: "Official", organisation: "Telecommunications ministry", country: "EC", subject: "attribution", quote: "threats",
    });
    expect(JSON.parse(row.citations_json)[1]).toMatchObject({ kind: "republished", takenFrom: 0, outlet: { name: "The Hill" } });
  });

  it("restores every value exactly, including ones that already start with an apostrophe", () => {
    for (const value of ["=1+1", "'=1+1", "''=x", "'-5", "it's", "'quoted'", "@home", "", "'"]) {
      expect(restoreCell(neutralizeCell(value))).toBe(value);
    }
    expect(neutralizeCell("'=1+1")).toBe("''=1+1");
  });

  it("neutralises spreadsheet formulas and restores them on import", () => {
    for (const dangerous of ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"]) {
      const safe = neutralizeCell(dangerous);
      expect(safe.startsWith("'")).toBe(true);
      expect(restoreCell(safe)).toBe(dangerous);
    }
    expect(neutralizeCell("The Hill")).toBe("The Hill");
    expect(restoreCell("'quoted text")).toBe("'quoted text");
  });
});
