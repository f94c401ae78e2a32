// Given an admin with a CSV file, when it is checked (dry run) and imported,
// then every bad row is named by row and column before anything is written,
// a file with one bad row writes nothing at all, re-importing the same rows
// adds nothing, and what the export writes imports back unchanged.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { staleObservationFacts, syncObservationFacts } from "@/lib/reports/facts";
import { changesFromJson } from "@/lib/audit/record";
import { parse } from "csv-parse/sync";
import { POST as importRoute } from "@/app/api/v1/import/route";
import { GET as progressRoute } from "@/app/api/v1/import/[id]/route";
import { GET as templateRoute } from "@/app/api/v1/import/template.csv/route";
import { PATCH as patchRoute } from "@/app/api/v1/reports/[id]/route";
import { POST as createRoute } from "@/app/api/v1/reports/route";
import { CSV_COLUMNS, type CsvRow } from "@/lib/csv/columns";
import { getPrisma } from "@/lib/db/client";
import { getImportJob } from "@/lib/import/progress";
import { listReports } from "@/lib/reports/read";
import type { ReportJson } from "@/lib/reports/types";
import { loadReports } from "@/lib/writes/report-store";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { apiRequest, bearer, makeUser, tokenFor } from "../helpers/auth";
import { exportCsv, exportRows, toCsv } from "../helpers/csv";
import { content, minimalReport } from "../helpers/payloads";

let t: TestDatabase;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await freshDatabase();
  admin = bearer((await tokenFor((await makeUser("admin", "importer@example.org")).email)).token);
});
afterAll(() => t.cleanup());
// Every write keeps the report facts on its observations current (lib/reports/facts.ts).
afterEach(async () => expect(await staleObservationFacts(t.db)).toBe(0));

const noParams = { params: Promise.resolve({}) };

interface ImportAnswer {
  importId: string;
  valid: boolean;
  committed: boolean;
  rows: number;
  observations: number;
  reports: { created: number; updated: number; unchanged: number };
  error?: { code: string; message: string; issues: Array<{ row: number; column: string; message: string; path: string }>; reports: ImportAnswer["reports"] };
}

async function upload(csv: string, dryRun: boolean, query = ""): Promise<{ status: number; body: ImportAnswer }> {
  const response = await importRoute(
    apiRequest("POST", `/api/v1/import?dryRun=${dryRun}${query}`, { raw: csv, headers: { ...admin, "content-type": "text/csv" } }),
    noParams,
  );
  return { status: response.status, body: await response.json() };
}

async function counts() {
  return Promise.all([t.db.report.count(), t.db.observation.count(), t.db.citation.count(), t.db.speaker.count(), t.db.outlet.count(), t.db.auditEntry.count()]);
}

async function allReports(): Promise<ReportJson[]> {
  return (await listReports(getPrisma(), { limit: 500, status: ["draft", "published", "retracted"] })).data;
}

async function createReport(payload: Record<string, unknown>): Promise<ReportJson> {
  const response = await createRoute(apiRequest("POST", "/api/v1/reports", { body: payload, headers: admin }), noParams);
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return response.json();
}

const toCsvLine = (cells: string[]) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
const blankIds = (rows: CsvRow[]) => rows.map((row) => ({ ...row, report_id: "", report_version: "" }));

describe("the template", () => {
  it("has the columns of the full export and checks clean, then imports one draft report, then nothing more", async () => {
    const response = await templateRoute(apiRequest("GET", "/api/v1/import/template.csv"), noParams);
    expect(response.headers.get("content-disposition")).toMatch(/attachment/);
    const csv = await response.text();
    expect(parse(csv)[0]).toEqual([...CSV_COLUMNS]);

    const before = await counts();
    const check = await upload(csv, true);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ valid: true, committed: false, rows: 2, observations: 2, reports: { created: 1, updated: 0, unchanged: 0 } });
    expect(await counts()).toEqual(before);

    const done = await upload(csv, false);
    expect(done.body).toMatchObject({ valid: true, committed: true, reports: { created: 1 } });
    const imported = (await allReports()).find((r) => r.notes?.startsWith("Example row"))!;
    expect(imported).toMatchObject({ status: "draft", targetCountry: "EC", periodEnd: null });
    expect(imported.observations.map((o) => [o.count, o.qualifier, o.scope.code])).toEqual([
      [40_000_000, "more_than", null],
      [null, null, "US"],
    ]);
    // The seeded AFP outlet and deputy minister were matched by their details, not created again.
    expect(await t.db.outlet.count()).toBe(2);
    expect(await t.db.speaker.count()).toBe(2);

    const again = await upload(csv, false);
    expect(again.body.reports).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect((await allReports()).filter((r) => r.notes?.startsWith("Example row"))).toHaveLength(1);
  });

  it("records each import — even one that changed nothing — and each report it wrote, in the audit history", async () => {
    const imports = await t.db.auditEntry.findMany({ where: { entityType: "import" }, orderBy: { id: "asc" } });
    expect(imports.map((entry) => changesFromJson(entry.changes))).toEqual([
      { rows: { before: null, after: 2 }, created: { before: null, after: 1 }, updated: { before: null, after: 0 }, unchanged: { before: null, after: 0 } },
      { rows: { before: null, after: 2 }, created: { before: null, after: 0 }, updated: { before: null, after: 0 }, unchanged: { before: null, after: 1 } },
    ]);
    expect(imports[0]).toMatchObject({ action: "import", actorEmail: "importer@example.org", via: "token" });
    const reportEntry = await t.db.auditEntry.findFirstOrThrow({ where: { entityType: "report", action: "import" } });
    expect(reportEntry.importId).toBe(imports[0].entityId);
    expect(reportEntry.snapshot).not.toBeNull();
  });
});

describe("a file with a bad row", () => {
  function fileWithOneBadRow(): string {
    const rows = blankIds(exportRows([]));
    const good = (target: string, count: string) => ({
      ...blankIds(exportRows([]))[0],
      report_id: "",
      report_version: "",
      target_country: target,
      metric: "cyberattacks",
      count,
      qualifier: "exact",
      period_start: "2021-03-01",
      period_end: "2021-03-31",
      scope_type: "all",
      source_code: "",
      report_period_start: "2021-03-01",
      report_period_end: "2021-03-31",
      status: "published",
      synthetic: "false",
      speakers_json: JSON.stringify([{ name: "Import Tester", role: "Spokesperson", subject: "figure" }]),
      citations_json: JSON.stringify([{ outlet: { name: "Import Daily" }, kind: "article", url: "https://import.example/a" }]),
    });
    rows.push(good("CL", "100") as CsvRow, good("AR", "200") as CsvRow, good("UY", "-5") as CsvRow, good("PY", "400") as CsvRow);
    return toCsv(rows);
  }

  it("is refused in the dry run with the row, the column and the reason, and nothing is written", async () => {
    const before = await counts();
    const check = await upload(fileWithOneBadRow(), true);
    expect(check.status).toBe(400);
    expect(check.body.error!.issues).toEqual([{ row: 4, column: "count", message: "must be a whole number ≥ 0", path: "row 4, count" }]);
    expect(check.body.error!.message).toBe("The file has 1 error; nothing was written.");
    expect(await counts()).toEqual(before);
  });

  it("is refused whole on commit: the three good reports are not written either", async () => {
    const before = await counts();
    const result = await upload(fileWithOneBadRow(), false);
    expect(result.status).toBe(400);
    expect(result.body.error!.reports.created).toBe(3);
    expect(await counts()).toEqual(before);
    const job = await t.db.importJob.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(job).toMatchObject({ status: "failed", dryRun: false, errorCount: 1 });
  });

  it("names every bad row, not just the first", async () => {
    const csv = fileWithOneBadRow().replace(",CL,", ",XX,").replace("2021-03-31,,all", "2021-03-31,,planet");
    const check = await upload(csv, true);
    expect(check.body.error!.issues.map((i) => [i.row, i.column])).toEqual(
      expect.arrayContaining([
        [2, "target_country"],
        [4, "count"],
      ]),
    );
  });
});

describe("export → import", () => {
  it("imports a full export of the same database as all unchanged", async () => {
    const reports = await allReports();
    const before = await counts();
    const result = await upload(exportCsv(reports), false);
    expect(result.status).toBe(200);
    expect(result.body.reports).toEqual({ created: 0, updated: 0, unchanged: reports.length });
    // Only the record of the import itself is added.
    const [reportsNow, ...restNow] = await counts();
    expect([reportsNow, ...restNow.slice(0, -1), restNow.at(-1)! - 1]).toEqual(before);
  });

  it("writes back the corrections made in a spreadsheet, with the audit record of each", async () => {
    const report = await createReport(minimalReport({ notes: "before the correction" }));
    const rows = exportRows([report]).map((row) => ({ ...row, notes: "after the correction", count: "1300" }));
    const result = await upload(toCsv(rows), false);
    expect(result.body.reports).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const [after] = (await loadReports(t.db, [report.id])).values();
    expect(after).toMatchObject({ version: 2, notes: "after the correction" });
    expect(after.observations[0].count).toBe(1300);
    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { entityType: "report", entityId: String(report.id), action: "import" } });
    expect(changesFromJson(entry.changes)).toMatchObject({ notes: { before: "before the correction", after: "after the correction" } });
  });

  it("refuses a correction made to an old export after someone else changed the report", async () => {
    const report = await createReport(minimalReport());
    const stale = exportRows([report]).map((row) => ({ ...row, notes: "from the old export" }));
    await patchRoute(apiRequest("PATCH", `/api/v1/reports/${report.id}`, { body: { version: 1, notes: "changed in the form" }, headers: admin }), { params: Promise.resolve({ id: String(report.id) }) });
    const before = await counts();
    const result = await upload(toCsv(stale), false);
    expect(result.status).toBe(400);
    expect(result.body.error!.issues[0]).toMatchObject({ row: 2, column: "report_version", message: expect.stringMatching(/version 1 in the file, 2 now/) });
    expect(await counts()).toEqual(before);
  });

  it("loses nothing: tricky text, chains, regions, unnamed figures and the largest count come back equal", async () => {
    const originals = [
      await createReport(
        minimalReport({
          targetCountry: "MX",
          quote: 'He said: "1,500 attacks, daily";\nthen =HYPERLINK("http://x") and +1 -2 @3',
          notes: "Ñandú 📈 — 'quoted', \"double\", tabs\tand, commas",
          periodLabel: "'=not a formula",
          speakers: [
            { name: null, role: "Unnamed official, cyber unit", country: "MX", subject: "figure" },
            { name: "Zoë O'Brien", organisation: "CERT", subject: "attribution", quote: "a line\r\nbreak" },
          ],
          citations: [
            { outlet: { name: "Wire One", kind: "wire_agency" }, kind: "interview", title: "Interview, part 1", publishedOn: "2021-01-10" },
            { outlet: { name: "Paper Two" }, kind: "republished", url: "https://paper.example/a?b=1&c=2", takenFrom: 0, accessedOn: "2021-02-01" },
            { outlet: { name: "Blog Three" }, kind: "article", takenFrom: 1 },
          ],
          observations: [
            { count: 9_007_199_254_740_991, qualifier: "up_to", scope: { type: "all" } },
            { count: null, scope: { type: "region", code: "419" }, note: "mostly" },
            { count: 0, qualifier: "exact", scope: { type: "country", code: "US" }, periodStart: "2020-02-01", periodEnd: "2020-02-29" },
          ],
        }),
      ),
      await createReport(minimalReport({ targetCountry: "BO", status: "retracted", retractionReason: "Withdrawn, see note", synthetic: true })),
    ];
    const csv = toCsv(blankIds(exportRows(originals)));
    // Delete the originals (recoverably) so the rows are new again, then import them.
    for (const report of originals) await t.db.report.update({ where: { id: report.id }, data: { deletedAt: new Date() } });
    await syncObservationFacts(t.db, originals.map((report) => report.id));
    const result = await upload(csv, false);
    expect(result.body.reports).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const copies = (await allReports()).filter((r) => ["MX", "BO"].includes(r.targetCountry) && !originals.some((o) => o.id === r.id));
    expect(copies.map(content).sort((a, b) => a.targetCountry.localeCompare(b.targetCountry))).toEqual(
      originals.map(content).sort((a, b) => a.targetCountry.localeCompare(b.targetCountry)),
    );
  });
});

describe("what the file must look like", () => {
  it.each([
    ["an unknown column", (csv: string) => csv.replace("report_id,", "report_nr,"), 1, "report_nr", /Unknown column 'report_nr'/],
    ["a missing required column", (csv: string) => csv.replace(",count,", ",amount,"), 1, "count", /The column 'count' is missing/],
    ["a row with too few cells", (csv: string) => `${csv}EC,1\n`, 4, "", /has 2 cells; the header has 29/],
    ["invalid JSON in speakers_json", (csv: string) => csv.replace(/"\[\{""name"":null/g, '"[{""name"":'), 2, "speakers_json", /not valid JSON/],
    ["an empty file", () => "", 1, "", /empty/],
  ])("refuses %s", async (_what, edit, row, column, message) => {
    const template = await (await templateRoute(apiRequest("GET", "/api/v1/import/template.csv"), noParams)).text();
    const result = await upload(edit(template), true);
    expect(result.status).toBe(400);
    expect(result.body.error!.issues).toContainEqual(expect.objectContaining({ row, column, message: expect.stringMatching(message) }));
  });

  // Found by fuzzing: when importing (not a dry run), the parser failed before the rows it had read
  // reached the checks, and the broken quote was reported on row 1.
  it("names the row of a quote left open, when importing too", async () => {
    const csv = 'target_country,report_period_start,count,scope_type,speakers,citations\nPE,2020-01-01,5,all,Ana Torres,Andina\n"PE,2020-01-01';
    const before = await counts();
    for (const dryRun of [true, false]) {
      const result = await upload(csv, dryRun);
      expect(result.status).toBe(400);
      expect(result.body.error!.issues).toEqual([expect.objectContaining({ row: 3, column: "", message: expect.stringMatching(/not valid CSV here: Quote Not Closed/) })]);
    }
    expect(await counts()).toEqual(before);
  });

  // Found by fuzzing: the same speaker twice in a report passed the dry run, and the import failed with a 500.
  it("refuses a report that names the same speaker twice", async () => {
    const csv = "target_country,report_period_start,count,scope_type,speakers,citations\nPE,2020-01-01,5,all,Ana Torres; Minister | Ana Torres; Minister,Andina\n";
    const before = await counts();
    for (const dryRun of [true, false]) {
      const result = await upload(csv, dryRun);
      expect(result.status).toBe(400);
      expect(result.body.error!.issues).toContainEqual(expect.objectContaining({ row: 2, column: "speakers", message: expect.stringMatching(/same speaker as speakers.0/) }));
    }
    expect(await counts()).toEqual(before);
  });

  // Found by fuzzing on PostgreSQL: the errors quote the file, and a NUL in them failed the progress update (500).
  it("refuses a file with a NUL in it, and keeps its errors with the import", async () => {
    const result = await upload("target_country,report_period_start,count,scope_type,speakers,citations,no\u0000pe\nPE,2020-01-01,5,all,Ana,Andina,x\n", false);
    expect(result.status).toBe(400);
    expect(result.body.error!.issues).toContainEqual(expect.objectContaining({ row: 1, column: "no\u0000pe" }));
    const job = await getImportJob(t.db, (result.body.error as unknown as { importId: string }).importId);
    expect(job).toMatchObject({ status: "failed", errors: [expect.objectContaining({ column: "no\uFFFDpe" })] });
    const badName = await upload("target_country\n", true, "&fileName=a%00b.csv");
    expect(badName.status).toBe(400);
  });

  it("refuses a report whose rows are not next to each other", async () => {
    const report = await createReport(minimalReport({ observations: [{ count: 1, scope: { type: "all" } }, { count: 2, scope: { type: "country", code: "US" } }] }));
    const other = await createReport(minimalReport({ targetCountry: "CO" }));
    const [a, b] = exportRows([report]);
    const [c] = exportRows([other]);
    const result = await upload(toCsv([a, c, b]), true);
    expect(result.body.error!.issues).toContainEqual(expect.objectContaining({ row: 4, column: "report_id", message: expect.stringMatching(/starts on row 2/) }));
  });

  it("refuses rows of one report that disagree about the report", async () => {
    const report = await createReport(minimalReport({ observations: [{ count: 1, scope: { type: "all" } }, { count: 2, scope: { type: "country", code: "US" } }] }));
    const [a, b] = exportRows([report]);
    const result = await upload(toCsv([a, { ...b, notes: "different" }]), true);
    expect(result.status).toBe(400);
    expect(result.body.error!.issues).toContainEqual(expect.objectContaining({ row: 3, column: "notes" }));
  });

  it("refuses a report of more rows than a report's 1,000 observations with one error naming the rows past it, and writes nothing", async () => {
    // The attack of issue 12: the template's first row repeated until the file nears the size limit.
    const template = await (await templateRoute(apiRequest("GET", "/api/v1/import/template.csv"), noParams)).text();
    const [head, first] = (parse(template) as string[][]).map(toCsvLine);
    const csv = `${head}\n${`${first}\n`.repeat(3_000)}`;
    const before = await counts();
    for (const dryRun of [true, false]) {
      const result = await upload(csv, dryRun);
      expect(result.status).toBe(400);
      expect(result.body.error!.issues).toEqual([
        expect.objectContaining({ row: 1002, message: expect.stringMatching(/^rows 1002–3001 \(2,000 more\) belong to the report that starts on row 2, which already has 1,000 rows/) }),
      ]);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a cell longer than its column holds, and a header of thousands of columns, each with one error", async () => {
    const template = await (await templateRoute(apiRequest("GET", "/api/v1/import/template.csv"), noParams)).text();
    const [columns, cells] = parse(template) as string[][];
    const head = toCsvLine(columns);
    const first = toCsvLine(cells);
    cells[columns.indexOf("observation_note")] = "x".repeat(5_000);
    const long = await upload(`${head}\n${toCsvLine(cells)}\n`, true);
    expect(long.status).toBe(400);
    expect(long.body.error!.issues).toEqual([expect.objectContaining({ row: 2, column: "observation_note", message: "is 5,000 characters long; this column holds at most 2,000" })]);
    const wide = await upload(`${Array.from({ length: 5_000 }, (_, i) => `c${i}`).join(",")}\n${first}\n`, true);
    expect(wide.status).toBe(400);
    expect(wide.body.error!.issues).toEqual([expect.objectContaining({ row: 1, message: expect.stringMatching(/^The header has 5,000 columns/) })]);
  });

  it("refuses anything that is not a CSV body, and files over the limit", async () => {
    const json = await importRoute(apiRequest("POST", "/api/v1/import?dryRun=true", { body: { rows: [] }, headers: admin }), noParams);
    expect(json.status).toBe(415);
    process.env.IMPORT_MAX_BYTES = "1000";
    try {
      const big = await upload(`report_id\n${"1\n".repeat(600)}`, true);
      expect(big.status).toBe(413);
    } finally {
      delete process.env.IMPORT_MAX_BYTES;
    }
    const badQuery = await importRoute(apiRequest("POST", "/api/v1/import?dryRun=maybe", { raw: "a", headers: { ...admin, "content-type": "text/csv" } }), noParams);
    expect(badQuery.status).toBe(400);
  });
});

describe("progress", () => {
  it("is kept in the database under the id the client chose", async () => {
    const importId = crypto.randomUUID();
    const csv = await (await templateRoute(apiRequest("GET", "/api/v1/import/template.csv"), noParams)).text();
    await upload(csv, true, `&importId=${importId}`);
    const response = await progressRoute(apiRequest("GET", `/api/v1/import/${importId}`, { headers: admin }), { params: Promise.resolve({ id: importId }) });
    expect(await response.json()).toMatchObject({ id: importId, status: "done", dryRun: true, bytesRead: Buffer.byteLength(csv), rowsRead: 2, user: "importer@example.org" });
    const reused = await upload(csv, true, `&importId=${importId}`);
    expect(reused.status).toBe(409);
  });
});

describe("a larger file", () => {
  it("imports 2,000 reports of 5 rows each in one go, and finds them all unchanged the second time", async () => {
    const header = CSV_COLUMNS.join(",");
    const lines = [header];
    const speakers = JSON.stringify([{ name: "Bulk Speaker", role: "Spokesperson", subject: "figure" }]).replace(/"/g, '""');
    const citations = JSON.stringify([{ outlet: { name: "Bulk Wire", kind: "wire_agency" }, kind: "press_release" }]).replace(/"/g, '""');
    for (let r = 0; r < 2000; r++) {
      const day = String((r % 28) + 1).padStart(2, "0");
      for (let o = 0; o < 5; o++) {
        const cells: Record<string, string> = {
          target_country: "DE", metric: "incidents", count: String(r * 10 + o), qualifier: "exact",
          period_start: `2022-02-${day}`, period_end: `2022-02-${day}`, scope_type: o === 0 ? "all" : "country",
          source_code: ["", "US", "FR", "CN", "RU"][o], report_period_start: `2022-02-${day}`, report_period_end: `2022-02-${day}`,
          notes: `bulk report ${r}`, status: "published", synthetic: "true", speakers_json: `"${speakers}"`, citations_json: `"${citations}"`,
        };
        lines.push(CSV_COLUMNS.map((c) => cells[c] ?? "").join(","));
      }
    }
    const csv = lines.join("\n");
    const started = Date.now();
    const first = await upload(csv, false);
    const seconds = (Date.now() - started) / 1000;
    expect(first.body).toMatchObject({ committed: true, rows: 10_000, observations: 10_000, reports: { created: 2000 } });
    console.info(`Imported 10,000 rows in ${seconds.toFixed(2)} s (${Math.round(10_000 / seconds)} rows/s)`);
    const second = await upload(csv, false);
    expect(second.body.reports).toEqual({ created: 0, updated: 0, unchanged: 2000 });
    expect(await t.db.report.count({ where: { notes: { startsWith: "bulk report" } } })).toBe(2000);
  });
});

describe("a large file", () => {
  it("with hundreds of new speakers in one chunk is checked and imported (stays under the database's parameter limits)", async () => {
    const row = (i: number) => ({
      ...blankIds(exportRows([]))[0],
      report_id: "",
      report_version: "",
      target_country: "NZ",
      metric: "cyberattacks",
      count: String(1000 + i),
      qualifier: "exact",
      period_start: "2022-01-01",
      period_end: "2022-01-31",
      scope_type: "all",
      source_code: "",
      report_period_start: "2022-01-01",
      report_period_end: "2022-01-31",
      status: "published",
      synthetic: "true",
      notes: `Bulk row ${i}`,
      speakers_json: JSON.stringify([{ name: `Bulk Speaker ${i}`, role: "Spokesperson", organisation: `Agency ${i}`, country: "NZ", subject: "figure" }]),
      citations_json: JSON.stringify([{ outlet: { name: `Bulk Outlet ${i % 50}` }, kind: "article", url: `https://bulk.example/${i}` }]),
    });
    const csv = toCsv(Array.from({ length: 600 }, (_, i) => row(i)) as CsvRow[]);
    const check = await upload(csv, true);
    expect(check.status, JSON.stringify(check.body.error?.issues?.slice(0, 3))).toBe(200);
    expect(check.body.reports).toEqual({ created: 600, updated: 0, unchanged: 0 });
    const done = await upload(csv, false);
    expect(done.status).toBe(200);
    const names = Array.from({ length: 600 }, (_, i) => `Bulk Speaker ${i}`);
    for (let i = 0; i < names.length; i += 200) {
      expect(await t.db.speaker.count({ where: { name: { in: names.slice(i, i + 200) } } })).toBe(Math.min(200, names.length - i));
    }
    expect(await t.db.report.count({ where: { notes: { startsWith: "Bulk row" } } })).toBe(600);
  });
});
