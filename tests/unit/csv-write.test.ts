// The export's CSV writer against a CSV parser: whatever the cells hold, the
// parser (csv-parse, as the import uses it) reads back exactly the cells that
// were written, after undoing formula neutralisation.
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { restoreCell } from "@/lib/csv/columns";
import { CSV_COLUMNS, observationValues, reportCsvRows, reportValues } from "@/lib/csv/columns";
import { csvField, csvRecord, reportRowWriter } from "@/lib/csv/write";
import type { ReportJson } from "@/lib/reports/types";

const csvRecords = (rows: string[][]) => rows.map(csvRecord).join("");

const cell = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("", '"', '""', ",", "\r\n", "\n", "\r", "=1+1", "+1", "-2", "@x", "\tx", "'=x", "''=x", " lead", "trail ", "a,b", 'say "hi"'),
  fc.json(),
);

describe("the export's CSV writer", () => {
  it("round-trips any cells through a CSV parser", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (table) => {
        const width = table[0].length;
        const rows = table.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ""));
        const parsed = parse(csvRecords(rows), { relax_column_count: false, skip_empty_lines: false }) as string[][];
        expect(parsed.map((row) => row.map(restoreCell))).toEqual(rows);
      }),
      { numRuns: 2_000 },
    );
  });

  it("quotes only what needs quoting, and neutralises formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("=HYPERLINK(\"x\",\"y\")")).toBe('"\'=HYPERLINK(""x"",""y"")"');
    expect(csvRecords([["a", "b"], ["c", "d,e"]])).toBe('a,b\r\nc,"d,e"\r\n');
  });

  it("writes a report's rows exactly as the column-keyed rows, encoding the report's cells once", () => {
    const report: ReportJson = {
      id: 7, targetCountry: "EC", metric: "cyberattacks", periodStart: "2019-04-11", periodEnd: null, periodLabel: "since, \"the arrest\"",
      periodEventId: null, statedOn: null, quote: "=cmd|' /C calc'!A0", notes: "line\nbreak", status: "published", retractionReason: null,
      synthetic: false, version: 2, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z",
      speakers: [{ id: 1, name: "Javier \"J\" Jara", role: "Official", organisation: null, country: "EC", subject: "attribution", quote: null }],
      citations: [],
      observations: [
        { id: 1, count: 40_000_000, qualifier: "more_than", periodStart: "2019-04-11", periodEnd: null, scope: { type: "all", code: null }, note: null },
        { id: 2, count: null, qualifier: null, periodStart: "2019-04-11", periodEnd: null, scope: { type: "region", code: "150" }, note: "+mainly" },
      ],
    };
    const write = reportRowWriter(reportValues(report));
    const written = report.observations.map((o) => write(observationValues(o))).join("");
    const expected = reportCsvRows(report).map((row) => csvRecord(CSV_COLUMNS.map((c) => row[c]))).join("");
    expect(written).toBe(expected);
    const parsed = parse(written) as string[][];
    expect(parsed.map((row) => row.map(restoreCell))).toEqual(reportCsvRows(report).map((row) => CSV_COLUMNS.map((c) => row[c])));
  });
});
