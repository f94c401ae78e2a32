// A figure without a count has no qualifier: the API and the import refuse one
// (naming the field), none is stored, the CSV cell is empty and no page shows one.
// Before, "named, no figure" rows exported qualifier=exact, and "approximately"
// saved with no count was kept.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/reports/route";
import { PATCH as patchRoute } from "@/app/api/v1/reports/[id]/route";
import { POST as importRoute } from "@/app/api/v1/import/route";
import { GET as exportRoute } from "@/app/api/v1/export/[file]/route";
import { csvRecord } from "@/lib/csv/write";
import type { ReportJson } from "@/lib/reports/types";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { apiRequest, bearer, makeUser, tokenFor } from "../helpers/auth";
import { get, routeParams } from "../helpers/http";
import { minimalReport } from "../helpers/payloads";

let t: TestDatabase;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await freshDatabase();
  admin = bearer((await tokenFor((await makeUser("admin", "qualifier@example.org")).email)).token);
});
afterAll(() => t.cleanup());

const noParams = { params: Promise.resolve({}) };
const create = (payload: unknown) => createRoute(apiRequest("POST", "/api/v1/reports", { body: payload, headers: admin }), noParams);
const counts = () => Promise.all([t.db.report.count(), t.db.observation.count(), t.db.auditEntry.count()]);

const named = { count: null, scope: { type: "country", code: "US" }, note: "mainly" };

describe("the API", () => {
  it("refuses a qualifier without a count, naming the field, and writes nothing", async () => {
    const before = await counts();
    const response = await create(minimalReport({ observations: [{ count: 1200, scope: { type: "all" } }, { ...named, qualifier: "approximately" }] }));
    expect(response.status).toBe(400);
    const answer = await response.json();
    expect(answer.error.issues).toEqual([
      expect.objectContaining({ path: "observations.1.qualifier", message: expect.stringMatching(/must be empty when count is null/) }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses it in a PATCH too", async () => {
    const created: ReportJson = await (await create(minimalReport({ targetCountry: "CL" }))).json();
    const response = await patchRoute(
      apiRequest("PATCH", `/api/v1/reports/${created.id}`, { body: { version: 1, observations: [{ count: null, qualifier: "exact", scope: { type: "all" } }] }, headers: admin }),
      { params: Promise.resolve({ id: String(created.id) }) },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0]).toMatchObject({ path: "observations.0.qualifier" });
  });

  it("stores none for a source named without a figure, and reads back none", async () => {
    const response = await create(minimalReport({ targetCountry: "AR", observations: [{ count: 1200, scope: { type: "all" } }, named] }));
    expect(response.status).toBe(201);
    const report: ReportJson = await response.json();
    expect(report.observations.map((o) => [o.count, o.qualifier])).toEqual([
      [1200, "exact"],
      [null, null],
    ]);
    const stored = await t.db.observation.findMany({ where: { reportId: report.id }, orderBy: { position: "asc" } });
    expect(stored.map((o) => o.qualifier)).toEqual(["exact", null]);
  });

  it("the seeded founding story's named sources carry none either", async () => {
    const stored = await t.db.observation.findMany({ where: { reportId: 1, count: null } });
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((o) => o.qualifier === null)).toBe(true);
  });
});

describe("the CSV", () => {
  it("exports an empty qualifier cell for a source named without a figure", async () => {
    const response = await exportRoute(get("/api/v1/export/reports.csv?target=AR"), routeParams({ file: "reports.csv" }));
    expect(response.status).toBe(200);
    const rows: Array<Record<string, string>> = parse(await response.text(), { columns: true, bom: true });
    expect(rows.map((row) => [row.count, row.qualifier, row.display_value])).toEqual([
      ["1200", "exact", "1,200"],
      ["", "", "named, no figure"],
    ]);
  });

  it("is refused on import when a row has a qualifier but no count, naming the column", async () => {
    const columns = ["target_country", "report_period_start", "count", "qualifier", "scope_type", "source_code", "speakers", "citations"];
    const row = (count: string, qualifier: string, scope: string, code: string) => ["BO", "2020-01-01", count, qualifier, scope, code, "Ana Torres; Minister", "Agencia Boliviana; https://abi.example/1"];
    const csv = [columns, row("500", "", "all", ""), row("", "at_least", "country", "US")].map(csvRecord).join("");
    const before = await counts();
    for (const dryRun of [true, false]) {
      const response = await importRoute(apiRequest("POST", `/api/v1/import?dryRun=${dryRun}`, { raw: csv, headers: { ...admin, "content-type": "text/csv" } }), noParams);
      expect(response.status).toBe(400);
      const answer = await response.json();
      expect(answer.error.issues).toEqual([expect.objectContaining({ row: 3, column: "qualifier", message: expect.stringMatching(/must be empty when count is null/) })]);
    }
    expect((await counts()).slice(0, 2)).toEqual(before.slice(0, 2));
  });
});
