// CSV exports through the route handler: what the chart draws ("displayed") or
// every observation ("full"), streamed, quoted, and safe to open in a spreadsheet.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/export/[file]/route";
import { CSV_COLUMNS } from "@/lib/csv/columns";
import { loadChart } from "@/lib/dashboard/load";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { get, routeParams, type ErrorBody } from "../helpers/http";
import { addReport } from "../helpers/reports";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  await addReport(t.db, {
    target: "PE",
    periodStart: "2020-01-01",
    periodEnd: "2020-12-31",
    statedOn: "2021-01-10",
    quote: '=HYPERLINK("https://evil.example","click")',
    notes: "Line one\nline two, with \"quotes\"",
    observations: [
      { count: 1_000, qualifier: "approximately" },
      { count: null, scope: { type: "country", code: "US" }, note: "+mostly" },
    ],
  });
  await addReport(t.db, { target: "PE", periodStart: "2021-01-01", statedOn: "2021-02-01", status: "draft", observations: [{ count: 7 }] });
});
afterAll(() => t.cleanup());

async function download(file: string, query = "") {
  const response = await exportRoute(get(`/api/v1/export/${file}${query}`), routeParams({ file }));
  const bytes = new Uint8Array(await response.arrayBuffer());
  // Read without stripping the byte order mark, to see what a spreadsheet gets.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { response, text, rows: response.ok ? (parse(text, { bom: true, columns: true }) as Array<Record<string, string>>) : [] };
}

describe("CSV export", () => {
  it("streams text/csv with a file name naming the chart, rows, filters and date", async () => {
    const { response, text } = await download("by-target.csv", "?target=PE&rows=displayed");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="cyberattack-reports_by-target_displayed_target-PE_\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.slice(1).split(/\r?\n/)[0]).toBe(CSV_COLUMNS.join(","));
  });

  it("exports exactly the rows the chart draws, in order", async () => {
    for (const chart of ["timeline", "by-source", "by-target", "map"] as const) {
      const { chart: drawn } = await loadChart(t.db, {}, chart);
      const figures = drawn.chart === "timeline" ? drawn.data.marks : drawn.data.rows;
      const { rows } = await download(`${chart}.csv`);
      expect(rows.map((row) => [row.report_id, row.display_value])).toEqual(figures.map((f) => [String(f.reportId), f.display]));
    }
  });

  it("keeps the qualifier and the named-without-figure rows", async () => {
    const { rows } = await download("reports.csv", "?target=PE");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ count: "1000", qualifier: "approximately", display_value: "≈ 1,000", scope_type: "all" });
    expect(rows[1]).toMatchObject({ count: "", qualifier: "", display_value: "named, no figure", scope_type: "country", source_code: "US", source_name: "United States of America" });
  });

  it("neutralises formula cells and quotes newlines and quotes (RFC 4180)", async () => {
    const { rows, text } = await download("reports.csv", "?target=PE");
    expect(rows[0].quote).toBe(`'=HYPERLINK("https://evil.example","click")`);
    expect(rows[1].observation_note).toBe("'+mostly");
    expect(rows[0].notes).toBe('Line one\nline two, with "quotes"');
    expect(text).toContain('"Line one\nline two, with ""quotes"""');
  });

  it("exports the full data with every filter but status off", async () => {
    const { rows } = await download("by-target.csv", "?target=PE&rows=full");
    const observations = await t.db.observation.count({ where: { report: { status: "published", deletedAt: null } } });
    expect(rows).toHaveLength(observations);
    expect(new Set(rows.map((row) => row.target_country))).toEqual(new Set(["EC", "PE"]));
    expect(rows.every((row) => row.status === "published")).toBe(true);
  });

  it("writes the founding story with its chain and speakers", async () => {
    const { rows } = await download("reports.csv", "?target=EC");
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({
      display_value: "> 40,000,000",
      period_label: "since the arrest of Julian Assange",
      citation_chain: "Agence France-Presse (AFP) (interview) → The Hill (republished)",
      speakers: "; Deputy Minister for Information and Communication Technologies;  | Javier Jara; Official; Telecommunications ministry",
      synthetic: "false",
    });
  });

  it("answers an empty selection with the header alone", async () => {
    const { rows, text } = await download("reports.csv", "?target=FR");
    expect(rows).toEqual([]);
    expect(text).toBe(`\uFEFF${CSV_COLUMNS.join(",")}\r\n`);
  });

  it("refuses bad filters with 400 and unknown exports with 404, in the API's error shape", async () => {
    const bad = await download("timeline.csv", "?rows=some");
    expect(bad.response.status).toBe(400);
    expect((JSON.parse(bad.text) as ErrorBody).error.issues?.[0].path).toBe("rows");
    const badTarget = await download("timeline.csv", "?target=ZZ");
    expect(badTarget.response.status).toBe(400);
    const unknown = await download("pie.csv");
    expect(unknown.response.status).toBe(404);
    expect((JSON.parse(unknown.text) as ErrorBody).error.code).toBe("not_found");
  });

  it("describes its columns in metadata.json", async () => {
    const response = await exportRoute(get("/api/v1/export/metadata.json"), routeParams({ file: "metadata.json" }));
    const metadata = (await response.json()) as { columns: Array<{ name: string; description: string }> };
    expect(metadata.columns.map((c) => c.name)).toEqual([...CSV_COLUMNS]);
    expect(metadata.columns.every((c) => c.description.length > 10)).toBe(true);
  });
});
