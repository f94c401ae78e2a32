// Given reports whose every text field begins with a spreadsheet formula
// character (= + - @, and tab or carriage return where only a direct database
// write can put them), when any export is downloaded — each chart, displayed
// rows and full — then no cell of any row begins with one, and each cell reads
// back as the stored text once its apostrophe is taken off.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/export/[file]/route";
import { CLI_ACTOR } from "@/lib/audit/record";
import { CSV_COLUMNS, restoreCell } from "@/lib/csv/columns";
import { EXPORT_CHARTS } from "@/lib/export/csv";
import type { ReportJson } from "@/lib/reports/types";
import { createReport } from "@/lib/writes/reports";
import { retractReport } from "@/lib/writes/report-lifecycle";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { get, routeParams } from "../helpers/http";

const FORMULA_START = /^[=+\-@\t\r]/;

let t: TestDatabase;
let typed: ReportJson;
let retracted: ReportJson;
let written: ReportJson;

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { message: string; issues?: unknown } }): T {
  if (!result.ok) throw new Error(`${result.error.message} ${JSON.stringify(result.error.issues ?? "")}`);
  return result.value;
}

beforeAll(async () => {
  t = await freshDatabase();
  // Everything an admin can type, through the write action the API and forms use.
  typed = ok(
    await createReport(CLI_ACTOR, {
      targetCountry: "NZ",
      periodStart: "2020-01-01",
      periodEnd: "2020-12-31",
      periodLabel: "=since the =HYPERLINK event",
      statedOn: "2021-01-05",
      status: "published",
      quote: '=HYPERLINK("https://evil.example","click")',
      notes: "+1+1 notes",
      speakers: [
        { name: "=cmd|' /C calc'!A0", role: "-2+3 role", organisation: "@SUM(A1:A9)", country: "NZ", subject: "figure", quote: "=speaker quote" },
        { name: "@second speaker", role: "=role", subject: "attribution" },
      ],
      citations: [
        { outlet: { name: "=Outlet formula", kind: "wire_agency" }, kind: "interview", title: "-title with minus", url: "https://example.org/a" },
        { outlet: { name: "+Outlet republisher" }, kind: "republished", title: "@title", takenFrom: 0 },
      ],
      observations: [
        { count: 5000, qualifier: "more_than", scope: { type: "all" }, note: "-all sources" },
        { count: 3000, scope: { type: "country", code: "US" }, note: "=mainly" },
        { count: null, scope: { type: "region", code: "150" }, note: "@named only" },
      ],
    }),
  );
  const toRetract = ok(
    await createReport(CLI_ACTOR, {
      targetCountry: "IS",
      periodStart: "2021-01-01",
      periodEnd: "2021-06-30",
      statedOn: "2021-07-01",
      status: "published",
      speakers: [{ name: "-Retracted speaker" }],
      citations: [{ outlet: { name: "@Retracting outlet" } }],
      observations: [
        { count: 40, scope: { type: "all" }, note: "=all" },
        { count: 10, scope: { type: "country", code: "BR" }, note: "+note" },
      ],
    }),
  );
  retracted = ok(await retractReport(CLI_ACTOR, toRetract.id, { reason: "=withdrawn by the ministry" }));
  // Forms and the API trim, so text that begins with a tab or carriage return can only come from a
  // direct database write (an older version, a hand-made fix). The export must be safe for it too.
  written = ok(
    await createReport(CLI_ACTOR, {
      targetCountry: "NO",
      periodStart: "2022-01-01",
      periodEnd: "2022-12-31",
      statedOn: "2023-01-02",
      status: "published",
      speakers: [{ name: "Tab speaker", role: "Minister" }],
      citations: [{ outlet: { name: "Tab outlet" } }],
      observations: [
        { count: 700, scope: { type: "all" } },
        { count: 77, scope: { type: "country", code: "DE" } },
      ],
    }),
  );
  await t.db.report.update({ where: { id: written.id }, data: { quote: "\t=1+1", notes: "\r=2+2", periodLabel: "\t@label" } });
  await t.db.speaker.update({ where: { id: written.speakers[0].id }, data: { name: "\t=tab name", role: "\r-cr role" } });
  await t.db.outlet.update({ where: { id: written.citations[0].outlet.id }, data: { name: "\t+tab outlet" } });
  await t.db.observation.updateMany({ where: { reportId: written.id }, data: { note: "\r@cr note" } });
});
afterAll(() => t.cleanup());

async function download(file: string, query: string): Promise<Array<Record<string, string>>> {
  const response = await exportRoute(get(`/api/v1/export/${file}${query}`), routeParams({ file }));
  expect(response.status, `${file}${query}`).toBe(200);
  return parse(await response.text(), { bom: true, columns: true, relax_quotes: false }) as Array<Record<string, string>>;
}

const EXPORTS = EXPORT_CHARTS.flatMap((chart) =>
  (["displayed", "full"] as const).map((rows) => [`${chart}.csv, ${rows} rows`, chart, rows] as const),
);

describe("every export neutralises formula prefixes in every cell", () => {
  it.each(EXPORTS)("%s", async (_name, chart, rows) => {
    const ids = new Set<string>();
    for (const status of ["published", "retracted"]) {
      for (const row of await download(`${chart}.csv`, `?rows=${rows}&status=${status}`)) {
        ids.add(row.report_id);
        for (const column of CSV_COLUMNS) {
          expect(row[column], `${column} of report ${row.report_id}`).not.toMatch(FORMULA_START);
        }
      }
    }
    // The hostile reports were in the file: the check above saw their cells.
    expect([...ids]).toEqual(expect.arrayContaining([String(typed.id), String(retracted.id), String(written.id)]));
  });
});

describe("a neutralised cell reads back as the stored text", () => {
  it("in the report's own columns, the readable summaries and the observation notes", async () => {
    const rows = (await download("reports.csv", "?rows=full")).filter((row) => row.report_id === String(typed.id));
    expect(rows).toHaveLength(3);
    const [first] = rows;
    expect(first.quote).toBe(`'${typed.quote}`);
    expect(restoreCell(first.quote)).toBe(typed.quote);
    expect(restoreCell(first.notes)).toBe("+1+1 notes");
    expect(restoreCell(first.period_label)).toBe("=since the =HYPERLINK event");
    expect(restoreCell(first.speakers)).toBe("=cmd|' /C calc'!A0; -2+3 role; @SUM(A1:A9) | @second speaker; =role; ");
    expect(restoreCell(first.citations)).toBe("=Outlet formula; https://example.org/a;  | +Outlet republisher; ; ");
    expect(rows.map((row) => restoreCell(row.observation_note))).toEqual(["-all sources", "=mainly", "@named only"]);
    // The JSON columns start with "[" and keep every name and title unchanged.
    expect(JSON.parse(first.speakers_json).map((s: { name: string; quote: string | null }) => [s.name, s.quote])).toEqual([
      ["=cmd|' /C calc'!A0", "=speaker quote"],
      ["@second speaker", null],
    ]);
    expect(JSON.parse(first.citations_json).map((c: { outlet: { name: string }; title: string }) => [c.outlet.name, c.title])).toEqual([
      ["=Outlet formula", "-title with minus"],
      ["+Outlet republisher", "@title"],
    ]);
  });

  it("for a retraction reason", async () => {
    const [row] = (await download("reports.csv", "?status=retracted")).filter((r) => r.report_id === String(retracted.id));
    expect(row.retraction_reason).toBe("'=withdrawn by the ministry");
  });

  it("for text that begins with a tab or a carriage return", async () => {
    const [row] = (await download("reports.csv", "?target=NO")).filter((r) => r.report_id === String(written.id));
    expect(row.quote).toBe("'\t=1+1");
    expect(row.notes).toBe("'\r=2+2");
    expect(row.period_label).toBe("'\t@label");
    expect(row.speakers).toBe("'\t=tab name; \r-cr role; ");
    expect(row.citations).toBe("'\t+tab outlet; ; ");
    expect(row.observation_note).toBe("'\r@cr note");
    expect(restoreCell(row.quote)).toBe("\t=1+1");
  });
});
