// Given every write route of the API, when it is called anonymously, by an
// analyst (session or token), by an admin (session or token) and with a
// revoked admin token, then only admins get through: 401 for nobody and for
// a revoked token, 403 for analysts — and a refused call writes nothing.
// Given drafts that hold a marker (a note, a draft-only speaker, organisation
// and outlet, a report published after a draft stage), when every read route
// is called anonymously, then none shows the marker; analysts see it.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportJson } from "@/lib/reports/types";
import { CLI_ACTOR } from "@/lib/audit/record";
import { reportHistory } from "@/lib/audit/history";
import { filterChoices } from "@/lib/dashboard/options";
import { createReport, updateReport } from "@/lib/writes/reports";
import { deleteReport } from "@/lib/writes/report-lifecycle";
import { createSource, deleteSource, EVENTS, OUTLETS, SPEAKERS, type SourceKind } from "@/lib/writes/sources";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { apiRequest, bearer, cookieHeaders, makeUser, revoke, signIn, tokenFor } from "../helpers/auth";
import { minimalReport } from "../helpers/payloads";
import { READ_ENDPOINTS, WRITE_ENDPOINTS, type Fixture, type FixtureContext, type Leak, type ReadProbe, type WriteEndpoint } from "../authz/routes";

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

const MARKER = "Zq7Secret";

async function makeLeak(): Promise<Leak> {
  const draft = ok(
    await createReport(
      CLI_ACTOR,
      minimalReport({
        status: "draft",
        notes: `${MARKER} internal note`,
        speakers: [{ name: `${MARKER} Speaker`, role: "Adviser", organisation: `${MARKER} Ministry`, subject: "figure" }],
        citations: [{ outlet: { name: `${MARKER} Outlet`, kind: "news_outlet" }, kind: "article", url: "https://draft.example/1" }],
      }),
    ),
  ) as ReportJson;
  const staged = ok(await createReport(CLI_ACTOR, minimalReport({ status: "draft", notes: `${MARKER} not yet checked` }))) as ReportJson;
  const published = ok(await updateReport(CLI_ACTOR, staged.id, { version: staged.version, status: "published", notes: "Checked against the ministry's release." })) as ReportJson;
  return {
    marker: MARKER,
    draftReportId: draft.id,
    publishedReportId: published.id,
    draftSpeakerId: draft.speakers[0].id!,
    draftOutletId: draft.citations[0].outlet.id!,
  };
}

async function read(file: string, probe: ReadProbe, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const module = (await import(path.resolve(file))) as Record<string, (request: Request, context: unknown) => Promise<Response>>;
  let url = "/" + file.replace(/^app\//, "").replace(/\/route\.ts$/, "");
  for (const [key, value] of Object.entries(probe.params ?? {})) url = url.replace(`[${key}]`, value).replace(`[...${key}]`, value);
  const response = await module.GET(apiRequest("GET", url + (probe.query ?? ""), { headers }), { params: Promise.resolve(probe.params ?? {}) });
  return { status: response.status, text: await response.text() };
}

describe("every read route shows anonymous readers only what published reports hold", () => {
  let leak: Leak;
  beforeAll(async () => {
    leak = await makeLeak();
  });

  it.each(READ_ENDPOINTS.map((e) => [e.file.replace(/^app/, "").replace(/\/route\.ts$/, ""), e] as const))("%s", async (_name, endpoint) => {
    const visibility = endpoint.visibility;
    if (visibility.anonymous === "same for everyone") return;
    if (visibility.anonymous === "refused") {
      const answer = await read(endpoint.file, visibility.probe ?? {}, identities.anonymous);
      expect(answer.status, answer.text).toBe(401);
      return;
    }
    let analystSaw = 0;
    for (const probe of visibility.probes(leak)) {
      const anonymous = await read(endpoint.file, probe, identities.anonymous);
      expect(anonymous.status, `${JSON.stringify(probe)}: ${anonymous.text.slice(0, 300)}`).toBeLessThan(500);
      expect(anonymous.text, `anonymous ${JSON.stringify(probe)}`).not.toContain(MARKER);
      const analyst = await read(endpoint.file, probe, identities["analyst (session)"]);
      expect(analyst.status, analyst.text.slice(0, 300)).toBeLessThan(500);
      if (analyst.text.includes(MARKER)) analystSaw++;
    }
    expect(analystSaw, "no probe finds the drafts even for a signed-in analyst: the probes test nothing").toBeGreaterThan(0);
  });
});

describe("what the pages show anonymous readers beyond the API", () => {
  it("the dashboard's filter options list only organisations and outlets that public reports use", async () => {
    await makeLeak();
    const anonymous = JSON.stringify(await filterChoices(t.db, "public"));
    expect(anonymous).not.toContain(MARKER);
    expect(anonymous).toContain("Agencia Andina");
    expect(JSON.stringify(await filterChoices(t.db, "all"))).toContain(`${MARKER} Ministry`);
  });

  it("a report published after a draft stage shows anonymous readers its history from the publication on", async () => {
    const leak = await makeLeak();
    const anonymous = await reportHistory(t.db, leak.publishedReportId, { signedIn: false });
    expect(anonymous.map((e) => [e.action, e.changes])).toEqual([["update", [{ field: "status", before: "draft", after: "published" }]]]);
    const signedIn = await reportHistory(t.db, leak.publishedReportId, { signedIn: true });
    expect(signedIn.map((e) => e.action)).toEqual(["create", "update"]);
    expect(JSON.stringify(signedIn)).toContain(`${MARKER} not yet checked`);
    // Changes made while it is public are shown in full.
    const report = ok(await updateReport(CLI_ACTOR, leak.publishedReportId, { version: 2, notes: "Second public note." })) as ReportJson;
    expect(report.version).toBe(3);
    const later = await reportHistory(t.db, leak.publishedReportId, { signedIn: false });
    expect(later.at(-1)!.changes).toContainEqual({ field: "notes", before: "Checked against the ministry's release.", after: "Second public note." });
  });
});
