// Given every write route of the API, when it is called anonymously, by an
// analyst (session or token), by an admin (session or token) and with a
// revoked admin token, then only admins get through: 401 for nobody and for
// a revoked token, 403 for analysts — and a refused call writes nothing.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportJson } from "@/lib/reports/types";
import { CLI_ACTOR } from "@/lib/audit/record";
import { createReport } from "@/lib/writes/reports";
import { deleteReport } from "@/lib/writes/report-lifecycle";
import { createSource, deleteSource, EVENTS, OUTLETS, SPEAKERS, type SourceKind } from "@/lib/writes/sources";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { apiRequest, bearer, cookieHeaders, makeUser, revoke, signIn, tokenFor } from "../helpers/auth";
import { minimalReport } from "../helpers/payloads";
import { WRITE_ENDPOINTS, type Fixture, type FixtureContext, type WriteEndpoint } from "../authz/routes";

let t: TestDatabase;
const identities: Record<string, Record<string, string>> = {};
beforeAll(async () => {
  t = await freshDatabase();
  const admin = await makeUser("admin");
  const analyst = await makeUser("analyst");
  identities.anonymous = {};
  identities["analyst (session)"] = cookieHeaders(await signIn(analyst.email));
  identities["analyst (token)"] = bearer((await tokenFor(analyst.email)).token);
  identities["admin (session)"] = cookieHeaders(await signIn(admin.email));
  identities["admin (token)"] = bearer((await tokenFor(admin.email)).token);
  const revoked = await tokenFor(admin.email, "revoked");
  await revoke(revoked.id);
  identities["revoked admin token"] = bearer(revoked.token);
});
afterAll(() => t.cleanup());

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const KINDS: Record<"speakers" | "outlets" | "events", SourceKind<{ id: number; version: number }>> = { speakers: SPEAKERS, outlets: OUTLETS, events: EVENTS };
const SOURCE_BODIES = {
  speakers: () => ({ name: `Fixture ${Math.random()}` }),
  outlets: () => ({ name: `Fixture outlet ${Math.random()}` }),
  events: () => ({ date: "2020-01-01", label: "Fixture event" }),
};

const ctx: FixtureContext = {
  newReport: async () => ok(await createReport(CLI_ACTOR, minimalReport())) as ReportJson,
  deletedReport: async () => {
    const report = ok(await createReport(CLI_ACTOR, minimalReport()));
    ok(await deleteReport(CLI_ACTOR, report.id, { reason: "fixture" }));
    return report;
  },
  newSource: async (kind, deleted = false) => {
    const made = ok(await createSource(KINDS[kind], CLI_ACTOR, SOURCE_BODIES[kind]())) as { id: number; version: number };
    if (deleted) return ok(await deleteSource(KINDS[kind], CLI_ACTOR, made.id, { reason: "fixture" })) as { id: number; version: number };
    return made;
  },
  newToken: async () => (await tokenFor((await makeUser("analyst")).email, "fixture")).id,
};

async function call(endpoint: WriteEndpoint, fixture: Fixture, headers: Record<string, string>): Promise<Response> {
  const module = (await import(path.resolve(endpoint.file))) as Record<string, (request: Request, context: unknown) => Promise<Response>>;
  let url = "/" + endpoint.file.replace(/^app\//, "").replace(/\/route\.ts$/, "");
  for (const [key, value] of Object.entries(fixture.params ?? {})) url = url.replace(`[${key}]`, value);
  const request = apiRequest(endpoint.method, url, {
    ...(fixture.raw !== undefined ? { raw: fixture.raw } : fixture.body !== undefined ? { body: fixture.body } : {}),
    headers: { ...(fixture.contentType ? { "content-type": fixture.contentType } : {}), ...headers },
  });
  return module[endpoint.method](request, { params: Promise.resolve(fixture.params ?? {}) });
}

/** Every table a write can touch, for "a refused call writes nothing". */
async function state() {
  return Promise.all([
    t.db.report.count(), t.db.report.aggregate({ _sum: { version: true } }), t.db.speaker.aggregate({ _sum: { version: true } }),
    t.db.outlet.aggregate({ _sum: { version: true } }), t.db.event.aggregate({ _sum: { version: true } }), t.db.apiToken.count({ where: { revokedAt: null } }),
    t.db.auditEntry.count(), t.db.importJob.count(), t.db.observation.count(),
  ]);
}

const EXPECTED: Record<string, number | "admin"> = {
  anonymous: 401,
  "revoked admin token": 401,
  "analyst (session)": 403,
  "analyst (token)": 403,
  "admin (session)": "admin",
  "admin (token)": "admin",
};

describe.each(WRITE_ENDPOINTS.map((e) => [`${e.method} ${e.file.replace(/^app/, "").replace(/\/route\.ts$/, "")}`, e] as const))("%s", (_name, endpoint) => {
  it.each(Object.keys(EXPECTED))("as %s", async (who) => {
    const fixture = await endpoint.fixture(ctx);
    const before = await state();
    const response = await call(endpoint, fixture, identities[who]);
    const expected = EXPECTED[who] === "admin" ? endpoint.adminStatus : EXPECTED[who];
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(expected);
    if (expected === 401 || expected === 403) {
      expect(body.error.code).toBe(expected === 401 ? "unauthorized" : "forbidden");
      expect(await state()).toEqual(before);
    }
  });
});
