// Property-based fuzzing of every write endpoint and the CSV import (issue 7).
//
// Given a seeded database and an admin's API token, when an endpoint receives
// a thousand generated invalid requests — wrong types, missing fields, huge
// strings, deep nesting, unknown keys, invalid codes, NaN and Infinity,
// negative and fractional counts, dates out of range, unicode edge cases,
// javascript: and data: URLs, HTML and SQL, CSV formula prefixes (see
// tests/fuzz/) — then each gets the expected 4xx in the documented error
// shape, with an issue naming the field that was broken; none gets a 5xx;
// and the database is byte-for-byte what it was before.
// And when generated valid reports (hostile text in every free-text field)
// are written, they read back equal.
//
// Route handlers are called in-process, as the other integration tests do.
// FUZZ_RUNS (default 1000) and FUZZ_SEED change the run; fast-check prints
// the seed and path of any failure, to replay it.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WRITE_ENDPOINTS } from "../authz/routes";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { apiRequest, bearer, makeUser, tokenFor } from "../helpers/auth";
import { changedTables, fingerprint, type Fingerprint } from "../fuzz/fingerprint";
import { endpointName, FUZZ_ENDPOINTS, fuzzRequest, judge, type FuzzEndpoint, type Targets } from "../fuzz/endpoints";
import { makeTargets } from "../fuzz/targets";
import { FUZZ_IMPORT_MAX_BYTES } from "../fuzz/import-cases";
import { readContent, validReport } from "../fuzz/reports";
import { hostileText, padding } from "../fuzz/values";
import type { Case } from "../fuzz/arbitraries";
import * as reports from "@/app/api/v1/reports/route";
import * as report from "@/app/api/v1/reports/[id]/route";
import * as retract from "@/app/api/v1/reports/[id]/retract/route";
import * as restoreReport from "@/app/api/v1/reports/[id]/restore/route";
import * as speakers from "@/app/api/v1/speakers/route";
import * as speaker from "@/app/api/v1/speakers/[id]/route";
import * as restoreSpeaker from "@/app/api/v1/speakers/[id]/restore/route";
import * as outlets from "@/app/api/v1/outlets/route";
import * as outlet from "@/app/api/v1/outlets/[id]/route";
import * as restoreOutlet from "@/app/api/v1/outlets/[id]/restore/route";
import * as events from "@/app/api/v1/events/route";
import * as event from "@/app/api/v1/events/[id]/route";
import * as restoreEvent from "@/app/api/v1/events/[id]/restore/route";
import * as tokens from "@/app/api/v1/tokens/route";
import * as token from "@/app/api/v1/tokens/[id]/route";
import * as importRoute from "@/app/api/v1/import/route";

const RUNS = Number(process.env.FUZZ_RUNS) || 1000;
const SEED = Number(process.env.FUZZ_SEED) || 7_2026;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const MODULES: Record<string, Record<string, unknown>> = {
  "app/api/v1/reports/route.ts": reports,
  "app/api/v1/reports/[id]/route.ts": report,
  "app/api/v1/reports/[id]/retract/route.ts": retract,
  "app/api/v1/reports/[id]/restore/route.ts": restoreReport,
  "app/api/v1/speakers/route.ts": speakers,
  "app/api/v1/speakers/[id]/route.ts": speaker,
  "app/api/v1/speakers/[id]/restore/route.ts": restoreSpeaker,
  "app/api/v1/outlets/route.ts": outlets,
  "app/api/v1/outlets/[id]/route.ts": outlet,
  "app/api/v1/outlets/[id]/restore/route.ts": restoreOutlet,
  "app/api/v1/events/route.ts": events,
  "app/api/v1/events/[id]/route.ts": event,
  "app/api/v1/events/[id]/restore/route.ts": restoreEvent,
  "app/api/v1/tokens/route.ts": tokens,
  "app/api/v1/tokens/[id]/route.ts": token,
  "app/api/v1/import/route.ts": importRoute,
};

function handler(file: string, method: string): Handler {
  const found = MODULES[file]?.[method];
  if (typeof found !== "function") throw new Error(`${method} ${file} is not imported here`);
  return found as Handler;
}

let t: TestDatabase;
let admin: Record<string, string>;
let targets: Targets;

/** Sends a case to the route handler, as Next.js would: a real Request, the id as a route param. */
async function send(endpoint: FuzzEndpoint, c: Case): Promise<Response> {
  const request = fuzzRequest(endpoint, c, targets, admin);
  const params: Record<string, string> = c.id ? { id: request.id } : {};
  return handler(endpoint.file, endpoint.method)(apiRequest(endpoint.method, request.url, { raw: request.init.body as BodyInit | undefined, headers: request.init.headers }), {
    params: Promise.resolve(params),
  });
}

beforeAll(async () => {
  process.env.IMPORT_MAX_BYTES = String(FUZZ_IMPORT_MAX_BYTES);
  t = await freshDatabase();
  admin = bearer((await tokenFor((await makeUser("admin", "fuzz-admin@example.org")).email)).token);
  targets = await makeTargets(async (endpoint, id, body) => {
    const response = await handler(endpoint.file, endpoint.method)(
      apiRequest(endpoint.method, endpoint.path(id), { ...(body === undefined ? {} : { body }), headers: admin }),
      { params: Promise.resolve({ id }) },
    );
    const json = await response.json();
    if (response.status >= 300) throw new Error(`${endpoint.method} ${endpoint.path(id)}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  });
});
afterAll(() => t.cleanup());

describe("every write route has a fuzz spec", () => {
  it("covers each route of the authorisation matrix, and nothing else", () => {
    expect(FUZZ_ENDPOINTS.map(endpointName).sort()).toEqual(WRITE_ENDPOINTS.map(endpointName).sort());
  });
});

describe(`${RUNS} invalid requests per write endpoint`, () => {
  for (const endpoint of FUZZ_ENDPOINTS) {
    it(`${endpointName(endpoint)}: every one a 4xx in the error shape naming the field; nothing written`, async () => {
      const before: Fingerprint = await fingerprint(t.db);
      const jobsBefore = await t.db.importJob.count();
      const labels = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(endpoint.cases, async (c) => {
          labels.set(c.label, (labels.get(c.label) ?? 0) + 1);
          const response = await send(endpoint, c);
          const problem = judge(c, response.status, await response.text());
          if (problem) throw new Error(`${c.label}: ${problem}`);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      const after = await fingerprint(t.db);
      expect(changedTables(before, after), "tables changed by rejected requests").toEqual([]);
      if (endpoint.family === "import") {
        // Each upload leaves its progress row: every one failed, none written.
        const jobs = await t.db.importJob.findMany({ skip: jobsBefore });
        expect(jobs.filter((job) => job.status !== "failed").map((job) => [job.status, job.message])).toEqual([]);
      }
      expect(labels.size, "kinds of invalid request tried").toBeGreaterThanOrEqual(3);
    }, 120_000);
  }
});

describe("valid writes round-trip", () => {
  const post = (body: unknown) => handler("app/api/v1/reports/route.ts", "POST")(apiRequest("POST", "/api/v1/reports", { body, headers: admin }), { params: Promise.resolve({}) });
  const read = async (id: number) => (await handler("app/api/v1/reports/[id]/route.ts", "GET")(apiRequest("GET", `/api/v1/reports/${id}`, { headers: admin }), { params: Promise.resolve({ id: String(id) }) })).json();
  let uid = 0;
  const generated = fc.constant(null).chain(() => validReport(`rt${++uid}`));

  it("a generated report with hostile text in every free-text field is stored and read back as sent (trimmed, codes upper-cased)", async () => {
    await fc.assert(
      fc.asyncProperty(generated, async ({ stored, sent }) => {
        const response = await post(sent);
        const created = await response.json();
        expect(response.status, JSON.stringify(created).slice(0, 500)).toBe(201);
        expect(readContent(created)).toEqual(stored);
        expect(readContent(await read(created.id))).toEqual(stored);
      }),
      { numRuns: Math.max(100, Math.round(RUNS / 8)), seed: SEED },
    );
  }, 120_000);

  it("a generated report PATCHed over another reads back as the patch", async () => {
    await fc.assert(
      fc.asyncProperty(generated, generated, async (first, second) => {
        const created = await (await post(first.sent)).json();
        const { id: _id, ...fields } = second.sent;
        const response = await handler("app/api/v1/reports/[id]/route.ts", "PATCH")(
          apiRequest("PATCH", `/api/v1/reports/${created.id}`, { body: { ...fields, metric: second.stored.metric, status: second.stored.status, version: created.version }, headers: admin }),
          { params: Promise.resolve({ id: String(created.id) }) },
        );
        const patched = await response.json();
        expect(response.status, JSON.stringify(patched).slice(0, 500)).toBe(200);
        expect(readContent(patched)).toEqual(second.stored);
        expect(readContent(await read(created.id))).toEqual(second.stored);
      }),
      { numRuns: Math.max(50, Math.round(RUNS / 20)), seed: SEED },
    );
  }, 120_000);

  it("speakers, outlets and events with hostile text are stored and read back as sent", async () => {
    let n = 0;
    const cases = fc.oneof(
      fc.record({ name: hostileText(180), role: hostileText(300), organisation: fc.option(hostileText(300), { nil: null }), pad: padding }).map((s) => ({
        kind: "speakers" as const,
        sent: { ...s, name: `${s.pad}${s.name} ${++n}${s.pad}`, pad: undefined },
        stored: { name: `${s.name} ${n}`, role: s.role, organisation: s.organisation, country: null },
      })),
      fc.record({ name: hostileText(180), pad: padding }).map((o) => ({
        kind: "outlets" as const,
        sent: { name: `${o.pad}${o.name} ${++n}${o.pad}`, homepage: `https://x.example/${n}?q=<script>` },
        stored: { name: `${o.name} ${n}`, kind: "news_outlet", homepage: `https://x.example/${n}?q=<script>`, country: null },
      })),
      fc.record({ label: hostileText(200), description: fc.option(hostileText(2000), { nil: null }) }).map((e) => ({
        kind: "events" as const,
        sent: { date: "2019-04-11", ...e, country: "ec" },
        stored: { date: "2019-04-11", ...e, country: "EC" },
      })),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ kind, sent, stored }) => {
        const { pad: _p, ...body } = sent as Record<string, unknown>;
        const response = await handler(`app/api/v1/${kind}/route.ts`, "POST")(apiRequest("POST", `/api/v1/${kind}`, { body, headers: admin }), { params: Promise.resolve({}) });
        const created = await response.json();
        expect(response.status, JSON.stringify(created).slice(0, 300)).toBe(201);
        const read = await (await handler(`app/api/v1/${kind}/[id]/route.ts`, "GET")(apiRequest("GET", `/api/v1/${kind}/${created.id}`, { headers: admin }), { params: Promise.resolve({ id: String(created.id) }) })).json();
        for (const json of [created, read]) expect(json).toMatchObject(stored);
      }),
      { numRuns: Math.max(60, Math.round(RUNS / 15)), seed: SEED },
    );
  }, 60_000);
});
