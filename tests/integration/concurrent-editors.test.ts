// Given one report and 20 editors holding the same version of it, when they
// all PATCH it at once, then each gets 200 or a documented 409, the report is
// exactly the successful writes applied in order (no lost update), and the
// audit trail has one entry per success. When every editor re-reads and
// retries after a 409, all 20 changes land, one version each, in order.
// On SQLite (writes queue on the writer connection) and on PostgreSQL
// (TEST_DB=postgresql).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/reports/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/reports/[id]/route";
import { CLI_ACTOR, changesFromJson } from "@/lib/audit/record";
import { writeTransaction } from "@/lib/db/transaction";
import { reportInputFromJson } from "@/lib/reports/to-input";
import { reportInputSchema } from "@/lib/schemas/report";
import { applyReportUpdate, updateReport } from "@/lib/writes/reports";
import { loadReports } from "@/lib/writes/report-store";
import type { ReportJson } from "@/lib/reports/types";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import type { ErrorBody } from "../helpers/http";
import { apiRequest, bearer, makeUser, tokenFor } from "../helpers/auth";
import { minimalReport } from "../helpers/payloads";

const EDITORS = 20;

let t: TestDatabase;
let editors: Array<{ email: string; headers: Record<string, string> }>;
beforeAll(async () => {
  t = await freshDatabase();
  editors = [];
  for (let i = 0; i < EDITORS; i++) {
    const { email } = await makeUser("admin", `editor-${i}@example.org`);
    editors.push({ email, headers: bearer((await tokenFor(email)).token) });
  }
}, 120_000);
afterAll(() => t.cleanup());

const idParams = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

async function createReport(): Promise<ReportJson> {
  const response = await createRoute(apiRequest("POST", "/api/v1/reports", { body: minimalReport({ notes: "start" }), headers: editors[0].headers }), { params: Promise.resolve({}) });
  expect(response.status).toBe(201);
  return response.json();
}
async function read(id: number): Promise<ReportJson> {
  const response = await getRoute(apiRequest("GET", `/api/v1/reports/${id}`, { headers: editors[0].headers }), idParams(id));
  expect(response.status).toBe(200);
  return response.json();
}
async function patch(editor: number, id: number, payload: unknown): Promise<{ status: number; body: ReportJson | (ErrorBody & { error: { currentVersion?: number; yourVersion?: number; changes?: unknown[] } }) }> {
  const response = await patchRoute(apiRequest("PATCH", `/api/v1/reports/${id}`, { body: payload, headers: editors[editor].headers }), idParams(id));
  return { status: response.status, body: await response.json() };
}
async function reportAudit(id: number) {
  return t.db.auditEntry.findMany({ where: { entityType: "report", entityId: String(id) }, orderBy: { id: "asc" } });
}
const noteOf = (editor: number, round = 0) => `editor ${editor} round ${round}`;

function expectConflictShape(body: unknown, yourVersion: number) {
  const error = (body as ErrorBody & { error: Record<string, unknown> }).error;
  expect(error.code).toBe("conflict");
  expect(typeof error.message).toBe("string");
  expect(error.message).toMatch(/changed since you read it/);
  expect(error.yourVersion).toBe(yourVersion);
  expect(typeof error.currentVersion).toBe("number");
  expect(error.currentVersion as number).toBeGreaterThan(yourVersion);
  expect(Array.isArray(error.changes)).toBe(true);
}

describe(`20 editors on one report (${process.env.TEST_DB === "postgresql" ? "PostgreSQL" : "SQLite"})`, () => {
  it("all sending the same version: 200 or 409 only, one winner, nothing lost, one audit entry per success", async () => {
    for (let round = 0; round < 3; round++) {
      const start = await createReport();
      const auditBefore = (await reportAudit(start.id)).length;
      const results = await Promise.all(editors.map((_, i) => patch(i, start.id, { version: start.version, notes: noteOf(i, round) })));

      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s !== 200 && s !== 409), JSON.stringify(results.filter((r) => r.status !== 200 && r.status !== 409))).toEqual([]);
      const winners = results.flatMap((r, i) => (r.status === 200 ? [i] : []));
      // Everyone sent the same version: exactly one can have read the current one.
      expect(winners).toHaveLength(1);
      for (const r of results) if (r.status === 409) expectConflictShape(r.body, start.version);

      const final = await read(start.id);
      expect(final.version).toBe(start.version + winners.length);
      expect(final.notes).toBe(noteOf(winners[0], round));
      expect((results[winners[0]].body as ReportJson).version).toBe(final.version);

      const audit = await reportAudit(start.id);
      expect(audit.length - auditBefore).toBe(winners.length);
      const entry = audit.at(-1)!;
      expect(entry).toMatchObject({ action: "update", version: final.version, actorEmail: editors[winners[0]].email });
      expect(changesFromJson(entry.changes)).toMatchObject({ notes: { before: "start", after: noteOf(winners[0], round) } });
    }
  });

  it("re-reading and retrying after each 409: all 20 changes land, one version each, in version order in the audit trail", async () => {
    const start = await createReport();
    const statuses: number[] = [];
    const attempts = new Array<number>(EDITORS).fill(0);
    const wonAt = new Map<number, number>(); // editor → version its write produced
    await Promise.all(
      editors.map(async (_, i) => {
        for (;;) {
          attempts[i]++;
          if (attempts[i] > 200) throw new Error(`editor ${i} never got through`);
          const current = await read(start.id);
          const result = await patch(i, start.id, { version: current.version, notes: noteOf(i) });
          statuses.push(result.status);
          if (result.status === 200) {
            wonAt.set(i, (result.body as ReportJson).version);
            return;
          }
          expect(result.status, JSON.stringify(result.body)).toBe(409);
          expectConflictShape(result.body, current.version);
        }
      }),
    );
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(statuses.filter((s) => s === 200)).toHaveLength(EDITORS);

    const final = await read(start.id);
    expect(final.version).toBe(start.version + EDITORS);
    // Each success produced its own version: start+1 … start+20, none twice.
    expect([...wonAt.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: EDITORS }, (_, k) => start.version + 1 + k));
    const lastEditor = [...wonAt.entries()].find(([, version]) => version === final.version)![0];
    expect(final.notes).toBe(noteOf(lastEditor));

    const updates = (await reportAudit(start.id)).filter((entry) => entry.action === "update");
    expect(updates.map((entry) => entry.version)).toEqual(Array.from({ length: EDITORS }, (_, k) => start.version + 1 + k));
    // The chain is unbroken: each entry starts from what the previous one wrote, by whoever won that version.
    let previous = "start";
    for (const entry of updates) {
      const editor = [...wonAt.entries()].find(([, version]) => version === entry.version)![0];
      expect(entry.actorEmail).toBe(editors[editor].email);
      expect(changesFromJson(entry.changes)).toMatchObject({ notes: { before: previous, after: noteOf(editor) } });
      previous = noteOf(editor);
    }
  });

  // A client that pipelines its edits sends the next one with the version the
  // previous one will produce. If the server merged that PATCH onto the report
  // as read before the previous edit committed, the previous edit was undone.
  it("a PATCH naming the next version, read before the previous edit commits, never undoes that edit", async () => {
    const start = await createReport();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    // The first edit, written but not yet committed.
    const first = writeTransaction(async (tx) => {
      const current = (await loadReports(tx, [start.id])).get(start.id)!;
      const input = reportInputSchema.parse({ ...reportInputFromJson(current), quote: "first edit" });
      await applyReportUpdate(tx, CLI_ACTOR, start.id, start.version, input, { action: "update" });
      entered();
      await released;
    });
    await inside;
    const second = updateReport(CLI_ACTOR, start.id, { version: start.version + 1, notes: "second edit" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await first;
    const result = await second;
    const final = await read(start.id);
    expect(final.quote).toBe("first edit");
    if (result.ok) expect(final).toMatchObject({ notes: "second edit", version: start.version + 2 });
    else expect(result.error).toMatchObject({ code: "conflict", status: 409 });
  });
});
