// Given a seeded database and an admin, when reports are created, corrected,
// deleted, retracted and restored through the API, then each change is
// written whole with its audit record, stale versions are refused, and
// drafts stay out of public view.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { staleObservationFacts } from "@/lib/reports/facts";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/reports/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/reports/[id]/route";
import { POST as retractRoute } from "@/app/api/v1/reports/[id]/retract/route";
import { POST as restoreRoute } from "@/app/api/v1/reports/[id]/restore/route";
import { GET as historyRoute } from "@/app/api/v1/reports/[id]/history/route";
import type { ReportJson } from "@/lib/reports/types";
import type { HistoryEntry } from "@/lib/audit/history";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { body, type ErrorBody } from "../helpers/http";
import { apiRequest, bearer, makeUser, tokenFor } from "../helpers/auth";
import { content, minimalReport, withoutIds, withReferences } from "../helpers/payloads";

let t: TestDatabase;
let admin: Record<string, string>;
let analyst: Record<string, string>;
beforeAll(async () => {
  t = await freshDatabase();
  admin = bearer((await tokenFor((await makeUser("admin", "admin@example.org")).email)).token);
  analyst = bearer((await tokenFor((await makeUser("analyst", "analyst@example.org")).email)).token);
});
afterAll(() => t.cleanup());
// Every write keeps the report facts on its observations current (lib/reports/facts.ts).
afterEach(async () => expect(await staleObservationFacts(t.db)).toBe(0));

const noParams = { params: Promise.resolve({}) };
const idParams = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });

async function read(id: number, headers: Record<string, string> = {}): Promise<Response> {
  return getRoute(apiRequest("GET", `/api/v1/reports/${id}`, { headers }), idParams(id));
}
async function readOk(id: number): Promise<ReportJson> {
  const response = await read(id, admin);
  expect(response.status).toBe(200);
  return response.json();
}
async function create(payload: unknown, headers = admin): Promise<Response> {
  return createRoute(apiRequest("POST", "/api/v1/reports", { body: payload, headers }), noParams);
}
async function createOk(payload: unknown): Promise<ReportJson> {
  const response = await create(payload);
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return response.json();
}
async function patch(id: number, payload: unknown): Promise<Response> {
  return patchRoute(apiRequest("PATCH", `/api/v1/reports/${id}`, { body: payload, headers: admin }), idParams(id));
}
async function history(id: number, headers = admin): Promise<HistoryEntry[]> {
  return (await (await historyRoute(apiRequest("GET", `/api/v1/reports/${id}/history`, { headers }), idParams(id))).json()).data;
}
const auditCount = () => t.db.auditEntry.count();

describe("a report read from the API is a valid body to post back", () => {
  it("with every id removed: speakers and outlets given whole are matched to the stored ones", async () => {
    const founding = await readOk(1);
    const copy = await createOk(withoutIds(founding));
    expect(copy.id).not.toBe(1);
    expect(content(copy)).toEqual(content(founding));
    expect(copy.speakers.map((s) => s.id)).toEqual(founding.speakers.map((s) => s.id));
    expect(copy.citations.map((c) => c.outlet.id)).toEqual(founding.citations.map((c) => c.outlet.id));
    expect(await t.db.speaker.count()).toBe(2);
    expect(await t.db.outlet.count()).toBe(2);
  });

  it("with only its own ids removed: speakers and outlets referenced by id", async () => {
    const founding = await readOk(1);
    const copy = await createOk(withReferences(founding));
    expect(content(copy)).toEqual(content(founding));
  });

  it("starts at version 1 whatever version was sent, and records the creation with a snapshot", async () => {
    const created = await createOk({ ...minimalReport(), version: 7, createdAt: "2001-01-01T00:00:00.000Z" });
    expect(created.version).toBe(1);
    expect(created.createdAt).not.toBe("2001-01-01T00:00:00.000Z");
    const [entry] = await history(created.id);
    expect(entry).toMatchObject({ action: "create", version: 1, by: "admin@example.org", via: "token", hasSnapshot: true });
  });

  it("creates new speakers and outlets given whole, each with its own audit record", async () => {
    const before = await auditCount();
    const created = await createOk(minimalReport({ speakers: [{ name: "New Person", role: "Spokesperson", subject: "figure" }], citations: [{ outlet: { name: "Brand New Daily" }, kind: "article" }] }));
    expect(created.speakers[0]).toMatchObject({ name: "New Person", role: "Spokesperson" });
    expect(created.citations[0].outlet).toMatchObject({ name: "Brand New Daily", kind: "news_outlet" });
    expect(await auditCount()).toBe(before + 3);
  });

  it("is a draft when no status is given", async () => {
    const { status: _s, ...rest } = minimalReport();
    expect((await createOk(rest)).status).toBe("draft");
  });
});

describe("correcting a report (PATCH)", () => {
  it("changes only the fields sent, bumps the version and records before and after", async () => {
    const report = await createOk(minimalReport());
    const response = await patch(report.id, { version: 1, notes: "Figure from the ministry's annual review.", statedOn: "2021-01-20" });
    expect(response.status).toBe(200);
    const updated: ReportJson = await response.json();
    expect(updated).toMatchObject({ version: 2, notes: "Figure from the ministry's annual review.", statedOn: "2021-01-20", targetCountry: "PE" });
    expect(updated.observations).toEqual(report.observations);
    const entries = await history(report.id);
    expect(entries.at(-1)).toMatchObject({
      action: "update",
      version: 2,
      changes: [
        { field: "statedOn", before: "2021-01-15", after: "2021-01-20" },
        { field: "notes", before: null, after: "Figure from the ministry's annual review." },
      ],
    });
  });

  it("replaces the observations when they are sent", async () => {
    const report = await createOk(minimalReport());
    const response = await patch(report.id, {
      version: 1,
      observations: [
        { count: 1500, qualifier: "more_than", scope: { type: "all" } },
        { count: null, scope: { type: "country", code: "cl" }, note: "mainly" },
      ],
    });
    const updated: ReportJson = await response.json();
    expect(updated.observations.map((o) => [o.count, o.qualifier, o.scope.code, o.periodStart])).toEqual([
      [1500, "more_than", null, "2020-01-01"],
      [null, null, "CL", "2020-01-01"],
    ]);
  });

  it("writes nothing when nothing changes", async () => {
    const report = await createOk(minimalReport());
    const before = await auditCount();
    const response = await patch(report.id, { version: 1, notes: null, targetCountry: "pe" });
    expect(response.status).toBe(200);
    expect((await response.json()).version).toBe(1);
    expect(await auditCount()).toBe(before);
  });

  it("refuses a stale version with 409, the current version and what changed, and writes nothing", async () => {
    const report = await createOk(minimalReport());
    expect((await patch(report.id, { version: 1, notes: "first editor" })).status).toBe(200);
    const before = await auditCount();
    const response = await patch(report.id, { version: 1, notes: "second editor" });
    expect(response.status).toBe(409);
    const error = (await response.json()).error;
    expect(error).toMatchObject({ code: "conflict", currentVersion: 2, yourVersion: 1 });
    expect(error.message).toMatch(/notes changed by admin@example.org/);
    expect(error.changes[0]).toMatchObject({ version: 2, action: "update", fields: { notes: { before: null, after: "first editor" } } });
    expect((await readOk(report.id)).notes).toBe("first editor");
    expect(await auditCount()).toBe(before);
  });

  it("lets exactly one of many concurrent editors of the same version win", async () => {
    const report = await createOk(minimalReport());
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => patch(report.id, { version: 1, notes: `editor ${i}` })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    const final = await readOk(report.id);
    expect(final.version).toBe(2);
    expect((await history(report.id)).filter((e) => e.action === "update")).toHaveLength(1);
  });

  it("checks the rules between fields on the merged report", async () => {
    const report = await createOk(minimalReport());
    const response = await patch(report.id, { version: 1, periodEnd: "2019-06-30" });
    expect(response.status).toBe(400);
    const { error } = await body<ErrorBody>(response);
    expect(error.issues).toContainEqual({ path: "periodEnd", message: "must be on or after the start of the period (2020-01-01)" });
  });

  it("answers 404 for a report that does not exist", async () => {
    expect((await patch(99999, { version: 1, notes: "x" })).status).toBe(404);
  });
});

describe("deleting, retracting and restoring", () => {
  it("soft-deletes with a reason: gone from reads, kept, restorable, every step audited", async () => {
    const report = await createOk(minimalReport({ notes: "to be deleted" }));
    const missingReason = await deleteRoute(apiRequest("DELETE", `/api/v1/reports/${report.id}`, { body: {}, headers: admin }), idParams(report.id));
    expect(missingReason.status).toBe(400);
    const deleted = await deleteRoute(apiRequest("DELETE", `/api/v1/reports/${report.id}`, { body: { reason: "Entered twice" }, headers: admin }), idParams(report.id));
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toMatchObject({ id: report.id, version: 2, deletionReason: "Entered twice" });
    expect((await read(report.id, admin)).status).toBe(404);
    expect(await t.db.report.count({ where: { id: report.id } })).toBe(1);
    const list = await (await listRoute(apiRequest("GET", "/api/v1/reports?target=PE&limit=500", { headers: admin }), noParams)).json();
    expect(list.data.map((r: ReportJson) => r.id)).not.toContain(report.id);

    const restored = await restoreRoute(apiRequest("POST", `/api/v1/reports/${report.id}/restore`, { body: { reason: "Not a duplicate after all" }, headers: admin }), idParams(report.id));
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ id: report.id, version: 3, notes: "to be deleted" });
    expect((await history(report.id)).map((e) => [e.action, e.version, e.reason])).toEqual([
      ["create", 1, null],
      ["delete", 2, "Entered twice"],
      ["restore", 3, "Not a duplicate after all"],
    ]);
  });

  it("retracts with a reason; a retracted report stays public", async () => {
    const report = await createOk(minimalReport());
    const response = await retractRoute(apiRequest("POST", `/api/v1/reports/${report.id}/retract`, { body: { reason: "The ministry withdrew the figure", version: 1 }, headers: admin }), idParams(report.id));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "retracted", retractionReason: "The ministry withdrew the figure", version: 2 });
    expect((await read(report.id)).status).toBe(200);
    const again = await retractRoute(apiRequest("POST", `/api/v1/reports/${report.id}/retract`, { body: { reason: "again" }, headers: admin }), idParams(report.id));
    expect(again.status).toBe(409);
  });

  it("brings back an earlier version as a new version", async () => {
    const report = await createOk(minimalReport({ notes: "version one" }));
    await patch(report.id, { version: 1, notes: "version two", observations: [{ count: 5, scope: { type: "all" } }] });
    const response = await restoreRoute(apiRequest("POST", `/api/v1/reports/${report.id}/restore`, { body: { toVersion: 1, version: 2, reason: "The edit was wrong" }, headers: admin }), idParams(report.id));
    expect(response.status).toBe(200);
    const restored: ReportJson = await response.json();
    expect(restored.version).toBe(3);
    expect(content(restored)).toEqual(content(report));
    expect((await history(report.id)).at(-1)).toMatchObject({ action: "restore", version: 3, reason: "Restored version 1: The edit was wrong" });
  });

  it("restores version 1 of the seeded report, which predates the audit history", async () => {
    const seeded = await readOk(1);
    await patch(1, { version: seeded.version, periodLabel: "since 11 April" });
    const response = await restoreRoute(apiRequest("POST", "/api/v1/reports/1/restore", { body: { toVersion: 1, version: 2 }, headers: admin }), idParams(1));
    expect(response.status).toBe(200);
    expect(content(await response.json())).toEqual(content(seeded));
  });

  it("refuses restoring a report that is not deleted, or a version that never was", async () => {
    const report = await createOk(minimalReport());
    const notDeleted = await restoreRoute(apiRequest("POST", `/api/v1/reports/${report.id}/restore`, { body: {}, headers: admin }), idParams(report.id));
    expect(notDeleted.status).toBe(409);
    const future = await restoreRoute(apiRequest("POST", `/api/v1/reports/${report.id}/restore`, { body: { toVersion: 5, version: 1 }, headers: admin }), idParams(report.id));
    expect(future.status).toBe(400);
  });
});

describe("who sees what", () => {
  it("hides drafts from anonymous readers and shows them to analysts", async () => {
    const draft = await createOk(minimalReport({ status: "draft", notes: "draft only" }));
    expect((await read(draft.id)).status).toBe(404);
    expect((await read(draft.id, analyst)).status).toBe(200);
    const anonymous = await listRoute(apiRequest("GET", "/api/v1/reports?status=draft"), noParams);
    expect(anonymous.status).toBe(401);
    const forAnalyst = await (await listRoute(apiRequest("GET", "/api/v1/reports?status=draft", { headers: analyst }), noParams)).json();
    expect(forAnalyst.data.map((r: ReportJson) => r.id)).toContain(draft.id);
  });

  it("names the people in the history for signed-in readers only", async () => {
    const report = await createOk(minimalReport());
    expect((await history(report.id, analyst))[0].by).toBe("admin@example.org");
    expect((await history(report.id, {}))[0].by).toBe("an admin");
  });

  it("closes every read to anonymous visitors when PUBLIC_READ=false", async () => {
    process.env.PUBLIC_READ = "false";
    try {
      const list = await listRoute(apiRequest("GET", "/api/v1/reports"), noParams);
      expect(list.status).toBe(401);
      expect((await body<ErrorBody>(list)).error.message).toMatch(/not public/);
      expect((await read(1)).status).toBe(401);
      expect((await read(1, analyst)).status).toBe(200);
    } finally {
      delete process.env.PUBLIC_READ;
    }
  });
});
