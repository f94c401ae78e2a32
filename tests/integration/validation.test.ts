// Given an admin, when a report with one bad field is sent, then the answer is
// 400 with an issue naming that field in words a person understands — and
// nothing at all is written. The same for bodies that are not JSON objects,
// too large, or of the wrong type.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/reports/route";
import { PATCH as patchRoute } from "@/app/api/v1/reports/[id]/route";
import { POST as createSpeakerRoute } from "@/app/api/v1/speakers/route";
import { POST as createOutletRoute } from "@/app/api/v1/outlets/route";
import { POST as createEventRoute } from "@/app/api/v1/events/route";
import { latestToday } from "@/lib/schemas/common";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { type ErrorBody } from "../helpers/http";
import { apiRequest, bearer, makeUser, tokenFor } from "../helpers/auth";
import { minimalReport } from "../helpers/payloads";

let t: TestDatabase;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await freshDatabase();
  admin = bearer((await tokenFor((await makeUser("admin")).email)).token);
});
afterAll(() => t.cleanup());

const noParams = { params: Promise.resolve({}) };
const tomorrow = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

/** Row counts of every table a write touches: bad input must leave them all unchanged. */
async function snapshot() {
  return Promise.all([t.db.report.count(), t.db.observation.count(), t.db.citation.count(), t.db.speaker.count(), t.db.outlet.count(), t.db.event.count(), t.db.auditEntry.count(), t.db.reportSpeaker.count()]);
}

const speaker = (extra: Record<string, unknown>) => ({ speakers: [{ name: "Ana Torres", subject: "figure", ...extra }] });
const citation = (extra: Record<string, unknown>) => ({ citations: [{ outlet: { name: "Agencia Andina" }, kind: "article", ...extra }] });
const observation = (extra: Record<string, unknown>) => ({ observations: [{ count: 10, scope: { type: "all" }, ...extra }] });

// [what, changes to a valid report, path of the issue, message pattern]
const CASES: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ["unknown target country", { targetCountry: "XX" }, "targetCountry", /Unknown country code 'XX'/],
  ["target country of the wrong type", { targetCountry: 7 }, "targetCountry", /country code/],
  ["missing target country", { targetCountry: undefined }, "targetCountry", /country code/],
  ["empty target country", { targetCountry: "  " }, "targetCountry", /must name a country/],
  ["unknown metric", { metric: "hacks" }, "metric", /must be one of cyberattacks/],
  ["period start not a date", { periodStart: "11/04/2019" }, "periodStart", /YYYY-MM-DD/],
  ["period start not a real day", { periodStart: "2019-02-30" }, "periodStart", /real calendar date/],
  ["period start in the future", { periodStart: tomorrow, periodEnd: null, statedOn: null }, "periodStart", /must not be in the future/],
  ["period start before 1970", { periodStart: "1969-12-31" }, "periodStart", /on or after 1970-01-01/],
  ["period end before start", { periodEnd: "2019-12-31" }, "periodEnd", /on or after the start of the period \(2020-01-01\)/],
  ["period end in the future", { periodEnd: tomorrow }, "periodEnd", /must not be in the future/],
  ["statement before the period", { statedOn: "2019-06-01" }, "statedOn", /on or after the start of the period/],
  ["statement in the future", { statedOn: tomorrow }, "statedOn", /must not be in the future/],
  ["period label too long", { periodLabel: "x".repeat(301) }, "periodLabel", /at most 300 characters/],
  ["event id not a number", { periodEventId: "one" }, "periodEventId", /must be an id/],
  ["event that does not exist", { periodEventId: 999 }, "periodEventId", /Event 999 does not exist/],
  ["quote with control characters", { quote: "bad\u0000quote" }, "quote", /control characters/],
  ["notes too long", { notes: "x".repeat(10_001) }, "notes", /at most 10,000 characters/],
  ["unknown status", { status: "hidden" }, "status", /must be one of draft, published, retracted/],
  ["retracted without a reason", { status: "retracted" }, "retractionReason", /must say why/],
  ["a retraction reason on a published report", { retractionReason: "oops" }, "retractionReason", /must be empty unless/],
  ["synthetic as a string", { synthetic: "yes" }, "synthetic", /true or false/],
  ["an id for a new report", { id: 5 }, "id", /assigned by the server/],
  ["an unknown field", { colour: "red" }, "", /Unknown field: colour/],
  ["no speakers", { speakers: [] }, "speakers", /at least one speaker/],
  ["speakers not a list", { speakers: "Ana" }, "speakers", /list of speakers/],
  ["a speaker who is nobody", speaker({ name: null }), "speakers.0.name", /a name, a role or an organisation/],
  ["a speaker that does not exist", { speakers: [{ id: 999, subject: "figure" }] }, "speakers.0.id", /Speaker 999 does not exist/],
  ["a speaker listed twice", { speakers: [{ id: 1 }, { id: 1 }] }, "speakers.1.id", /already listed/],
  // Found by fuzzing: these were one speaker twice in the report, and the insert failed with a 500.
  ["a new speaker given twice", { speakers: [{ name: "Ana Torres" }, { name: "Ana Torres", subject: "attribution" }] }, "speakers.1.name", /same speaker as speakers.0/],
  ["a stored speaker by id and again in full", { speakers: [{ id: 2 }, { name: "Javier Jara", role: "Official", organisation: "Telecommunications ministry", country: "EC" }] }, "speakers.1.name", /same speaker as speakers.0/],
  ["a speaker id with other details than stored", { speakers: [{ id: 2, name: "Someone Else" }] }, "speakers.0.name", /differs from speaker 2's stored name \('Javier Jara'\)/],
  ["a speaker from an unknown country", speaker({ country: "ZZ" }), "speakers.0.country", /Unknown country code 'ZZ'/],
  ["an unknown speaker subject", speaker({ subject: "gossip" }), "speakers.0.subject", /must be one of figure/],
  ["an unknown field in a speaker", speaker({ age: 50 }), "speakers.0", /Unknown field: age/],
  ["no citations", { citations: [] }, "citations", /at least one citation/],
  ["a javascript: link", citation({ url: "javascript:alert(1)" }), "citations.0.url", /http:\/\/ or https:\/\//],
  ["a data: link", citation({ url: "data:text/html,<script>alert(1)</script>" }), "citations.0.url", /http:\/\/ or https:\/\//],
  ["a link that is not a URL", citation({ url: "not a url" }), "citations.0.url", /http:\/\/ or https:\/\//],
  ["an outlet homepage on ftp", { citations: [{ outlet: { name: "Old FTP", homepage: "ftp://files.example" }, kind: "article" }] }, "citations.0.outlet.homepage", /http:\/\/ or https:\/\//],
  ["an outlet without a name", { citations: [{ outlet: { kind: "news_outlet" } }] }, "citations.0.outlet.name", /must name the outlet/],
  ["an outlet that does not exist", { citations: [{ outlet: { id: 999 } }] }, "citations.0.outlet.id", /Outlet 999 does not exist/],
  ["an outlet by name with other details", { citations: [{ outlet: { name: "The Hill", kind: "broadcaster" } }] }, "citations.0.outlet.kind", /differs from the outlet named 'The Hill'/],
  ["an unknown outlet kind", { citations: [{ outlet: { name: "X", kind: "blog" } }] }, "citations.0.outlet.kind", /must be one of wire_agency/],
  ["an unknown citation kind", citation({ kind: "rumour" }), "citations.0.kind", /must be one of interview/],
  ["accessed before it was published", citation({ publishedOn: "2021-02-01", accessedOn: "2021-01-01" }), "citations.0.accessedOn", /on or after the publication date/],
  ["published in the future", citation({ publishedOn: tomorrow }), "citations.0.publishedOn", /must not be in the future/],
  ["taken from itself", citation({ takenFrom: 0 }), "citations.0.takenFrom", /cannot be the citation itself/],
  ["taken from a citation that is not there", citation({ takenFrom: 4 }), "citations.0.takenFrom", /index of another citation/],
  ["taken from a negative index", citation({ takenFrom: -1 }), "citations.0.takenFrom", /index of another citation/],
  [
    "citations taken from each other in a circle",
    { citations: [{ outlet: { id: 1 }, takenFrom: 1 }, { outlet: { id: 2 }, takenFrom: 0 }] },
    "citations.0.takenFrom",
    /makes a loop/,
  ],
  ["no observations", { observations: [] }, "observations", /at least one observation/],
  ["a negative count", observation({ count: -1 }), "observations.0.count", /whole number ≥ 0/],
  ["a fractional count", observation({ count: 1.5 }), "observations.0.count", /whole number \(no fractions\)/],
  ["a count above 2^53", observation({ count: 2 ** 53 + 2 }), "observations.0.count", /at most 9,007,199,254,740,991/],
  ["a count as a string", observation({ count: "1000" }), "observations.0.count", /whole number/],
  ["a missing count", { observations: [{ scope: { type: "all" } }] }, "observations.0.count", /whole number ≥ 0, or null/],
  ["an unknown qualifier", observation({ qualifier: "roughly" }), "observations.0.qualifier", /must be one of exact/],
  ["a qualifier without a count", observation({ count: null, qualifier: "approximately" }), "observations.0.qualifier", /must be empty when count is null/],
  ["an unknown scope type", observation({ scope: { type: "planet" } }), "observations.0.scope.type", /must be one of all, country, region/],
  ["a country scope without a code", observation({ scope: { type: "country" } }), "observations.0.scope.code", /must name the source country/],
  ["an unknown source country", observation({ scope: { type: "country", code: "QQ" } }), "observations.0.scope.code", /Unknown country code 'QQ'/],
  ["an unknown region", observation({ scope: { type: "region", code: "999" } }), "observations.0.scope.code", /Unknown region code '999'/],
  ["a code with all sources", observation({ scope: { type: "all", code: "US" } }), "observations.0.scope.code", /must be empty/],
  ["an observation before the report's period", observation({ periodStart: "2019-12-01" }), "observations.0.periodStart", /within the report's period/],
  ["an observation after the report's period", observation({ periodEnd: "2021-01-05" }), "observations.0.periodEnd", /within the report's period, which ends 2020-12-31/],
  ["an observation ending before it starts", observation({ periodStart: "2020-06-01", periodEnd: "2020-05-01" }), "observations.0.periodEnd", /on or after the start of the observation's period/],
  [
    "the same source and period twice",
    { observations: [{ count: 1, scope: { type: "country", code: "US" } }, { count: 2, scope: { type: "country", code: "us" } }] },
    "observations.1.scope",
    /repeats observations.0/,
  ],
  ["an unknown field in an observation", observation({ colour: "red" }), "observations.0", /Unknown field: colour/],
  ["deeply nested junk", { notes: JSON.parse("[".repeat(500) + "]".repeat(500)) }, "notes", /must be text/],
];

describe("every field of a report is checked, with the field named and nothing written", () => {
  it.each(CASES)("%s", async (_what, change, path, message) => {
    const before = await snapshot();
    const payload = { ...minimalReport(), ...change };
    const response = await createRoute(apiRequest("POST", "/api/v1/reports", { body: payload, headers: admin }), noParams);
    const { error } = (await response.json()) as ErrorBody;
    expect(response.status, JSON.stringify(error)).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(error.issues, JSON.stringify(error.issues)).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(error.message).toMatch(/^The (report|request) is not valid: /);
    expect(await snapshot()).toEqual(before);
  });

  it("names every bad field at once, not just the first", async () => {
    const response = await createRoute(
      apiRequest("POST", "/api/v1/reports", {
        body: { ...minimalReport(), targetCountry: "XX", periodEnd: "2019-01-01", ...observation({ count: -5 }), ...citation({ url: "javascript:x" }) },
        headers: admin,
      }),
      noParams,
    );
    const { error } = (await response.json()) as ErrorBody;
    expect(error.issues!.map((i) => i.path).sort()).toEqual(["citations.0.url", "observations.0.count", "periodEnd", "targetCountry"]);
  });

  it("accepts today, wherever on Earth it is today", async () => {
    const today = latestToday();
    const response = await createRoute(apiRequest("POST", "/api/v1/reports", { body: { ...minimalReport(), periodStart: today, periodEnd: null, statedOn: today, ...observation({}) }, headers: admin }), noParams);
    expect(response.status).toBe(201);
  });
});

describe("the body itself", () => {
  const post = (init: { raw?: BodyInit; body?: unknown; headers?: Record<string, string> }) =>
    createRoute(apiRequest("POST", "/api/v1/reports", { ...init, headers: { ...admin, ...(init.headers ?? {}) } }), noParams);

  it.each([
    ["not JSON", "{ targetCountry: EC", "application/json", 400, /not valid JSON/],
    ["empty", "", "application/json", 400, /empty/],
    ["a JSON array", "[1, 2]", "application/json", 400, /must be a JSON object/],
    ["a JSON string", '"report"', "application/json", 400, /must be a JSON object/],
    ["form data", "targetCountry=EC", "application/x-www-form-urlencoded", 415, /Content-Type: application\/json/],
    ["no content type", "{}", "", 415, /Content-Type: application\/json/],
    ["text", "{}", "text/plain", 415, /not text\/plain/],
    ["not UTF-8", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), "application/json", 400, /UTF-8/],
  ] as const)("refuses a body that is %s", async (_what, raw, type, status, message) => {
    const before = await snapshot();
    const response = await post({ raw: raw as BodyInit, headers: type ? { "content-type": type } : {} });
    expect(response.status).toBe(status);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a body over 1 MB with 413, whether or not it says its length", async () => {
    const huge = JSON.stringify({ ...minimalReport(), notes: "x".repeat(1_100_000) });
    const declared = await post({ raw: huge, headers: { "content-type": "application/json", "content-length": String(huge.length) } });
    expect(declared.status).toBe(413);
    const streamed = await post({
      raw: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(huge));
          controller.close();
        },
      }),
      headers: { "content-type": "application/json" },
    });
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as ErrorBody).error.code).toBe("payload_too_large");
  });
});

describe("PATCH bodies", () => {
  const patch = (body: unknown) => patchRoute(apiRequest("PATCH", "/api/v1/reports/1", { body, headers: admin }), { params: Promise.resolve({ id: "1" }) });

  it.each([
    ["without a version", { notes: "x" }, "version", /version you read/],
    ["with a version that is not a number", { notes: "x", version: "1" }, "version", /version you read/],
    ["with an unknown field", { version: 1, colour: "red" }, "", /Unknown field: colour/],
    ["with a bad field", { version: 1, targetCountry: "XX" }, "targetCountry", /Unknown country code 'XX'/],
  ])("refuses a change %s", async (_what, body, path, message) => {
    const before = await snapshot();
    const response = await patch(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.issues).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a malformed report id", async () => {
    const response = await patchRoute(apiRequest("PATCH", "/api/v1/reports/abc", { body: { version: 1 }, headers: admin }), { params: Promise.resolve({ id: "abc" }) });
    expect(response.status).toBe(400);
  });
});

describe("speakers, outlets and events", () => {
  it.each([
    [createSpeakerRoute, { role: "" }, "name", /a name, a role or an organisation/],
    [createSpeakerRoute, { name: "X", country: "XX" }, "country", /Unknown country code 'XX'/],
    [createOutletRoute, { name: "" }, "name", /must not be empty/],
    [createOutletRoute, { name: "The Hill" }, "name", /already the name of outlet 2/],
    [createOutletRoute, { name: "X", homepage: "javascript:alert(1)" }, "homepage", /http:\/\/ or https:\/\//],
    [createEventRoute, { date: tomorrow, label: "Future" }, "date", /must not be in the future/],
    [createEventRoute, { date: "2020-01-01" }, "label", /.+/],
  ] as const)("refuses bad input %#", async (route, body, path, message) => {
    const before = await snapshot();
    const response = await route(apiRequest("POST", "/api/v1/x", { body, headers: admin }), noParams);
    expect([400, 409]).toContain(response.status);
    expect(((await response.json()) as ErrorBody).error.issues).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(await snapshot()).toEqual(before);
  });
});
