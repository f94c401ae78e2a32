// Invalid requests for every write endpoint, as fast-check arbitraries.
//
// Each `Case` is one request that MUST be refused, with what the answer must
// be: its status, and for validation errors the path of the field an issue
// must name. Cases are built by taking a VALID payload — full of hostile but
// valid text (values.ts explains the split) — and breaking exactly one thing
// the endpoint forbids, so a case is invalid for a reason the generator
// knows, never by accident. Accidentally valid cases would be written, and
// the test (which expects a 4xx and an unchanged database) would fail: the
// generators are checked by the same property they serve.
import fc from "fast-check";
import { badCount, badCountry, badDate, badEnum, badId, badScopeCode, badText, badUrl, badVersion, ENUMS, hostileText, jsonText, RawJson, wrongType, type Bad } from "./values";
import { validReport, type GeneratedReport } from "./reports";

/** What a path id stands for; the test makes each one before it runs. */
export type Target = "live" | "deleted" | "retracted" | "inUse" | "missing" | "revoked";

export interface Case {
  label: string;
  /** The {id} of the route: a thing the test made, or a raw string. */
  id?: { target: Target } | { raw: string };
  /** A JSON body (may hold RawJson tokens), or the exact bytes to send. */
  body?: unknown;
  raw?: string | Uint8Array;
  /** The Content-Type header; null: none. Default application/json (text/csv for the import). */
  contentType?: string | null;
  /** The query string of the import. */
  query?: string;
  status: number;
  /** For 400: an issue must have this path. */
  path?: string;
}

/** The stored things the cases refer to (made by the seed or by the test). */
export const KNOWN = {
  /** Seeded: "Javier Jara". */
  speakerId: 2,
  /** Seeded: "Agence France-Presse (AFP)". */
  outletId: 1,
  existingOutletName: "Agence France-Presse (AFP)",
  missingId: 987_654_321,
  /** The live report the PATCH, DELETE, retract and restore cases aim at is at this version. */
  liveVersion: 1,
};

type Json = Record<string, unknown>;
type Path = Array<string | number>;
const DELETE = Symbol("delete");

/** A copy of `value` with `path` set (or deleted); own keys such as "__proto__" stay own keys. */
function setAt(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  const copy: Json | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Json) };
  const child = setAt((value as Json)[head as string], rest, next);
  if (rest.length === 0 && next === DELETE) {
    if (Array.isArray(copy)) copy.splice(Number(head), 1);
    else delete copy[head as string];
  } else Object.defineProperty(copy, head, { value: child, enumerable: true, writable: true, configurable: true });
  return copy;
}

const dotted = (path: Path) => path.join(".");

function fieldCase(base: fc.Arbitrary<Json>, path: Path, badValue: fc.Arbitrary<Bad>, reportAt: Path = path): fc.Arbitrary<Case> {
  return fc.tuple(base, badValue).map(([payload, b]) => ({
    label: `${dotted(path)}: ${b.label}`,
    body: setAt(payload, path, b.value),
    status: b.status ?? 400,
    path: b.at === "body" ? "" : dotted(reportAt),
  }));
}

function missingCase(base: fc.Arbitrary<Json>, path: Path): fc.Arbitrary<Case> {
  return base.map((payload) => ({ label: `${dotted(path)} missing`, body: setAt(payload, path, DELETE), status: 400, path: dotted(path) }));
}

const UNKNOWN_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "isAdmin", "role_", "deletedAt", "reportId", "password", "$where", "<script>", "'; DROP TABLE x; --", "", "ID", " id", "target_country", "Version"];

/** An unknown key at the object `path` points to; the issue is reported on that object. */
function unknownKeyCase(base: fc.Arbitrary<Json>, path: Path, allowed: readonly string[]): fc.Arbitrary<Case> {
  const key = fc.oneof(fc.constantFrom(...UNKNOWN_KEYS), fc.string({ maxLength: 12 })).filter((k) => !allowed.includes(k));
  const value = fc.oneof(fc.constant(null), fc.integer(), hostileText(40), fc.constant({ $ne: null }), fc.constant(new RawJson("[".repeat(2000) + "]".repeat(2000))));
  return fc.tuple(base, key, value).map(([payload, k, v]) => ({ label: `unknown key at ${dotted(path) || "top"}`, body: setAt(payload, [...path, k], v), status: 400, path: dotted(path) }));
}

// ── Bodies refused whole: not JSON, not an object, wrong media type, too large ──

const INVALID_JSON = ["{", '{"a":', "{'reason': 'x'}", '{"reason": "x",}', "NaN", "{reason: 1}", '{"a":1}}', "<xml/>", "reason=x", '{"a":"\\x00"}', '{"a":"\\ud800', "[", "{} {}", "undefined"];
const NOT_OBJECTS = ["[]", "[{}]", "1", "-1.5", '"text"', "null", "true", '"{}"'];
const BAD_UTF8 = [[0xff], [0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xfe, 0x22, 0x7d]];
const BAD_TYPES = ["text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/xml", "application/json-patch+json", "application/jsonx", "text/json", "text/csv"];

export function bodyCases(valid: fc.Arbitrary<Json>): fc.Arbitrary<Case> {
  return fc.oneof(
    fc.constantFrom(...INVALID_JSON).map((raw): Case => ({ label: "not JSON", raw, status: 400, path: "" })),
    fc.constantFrom(...NOT_OBJECTS).map((raw): Case => ({ label: "JSON but not an object", raw, status: 400, path: "" })),
    fc.integer({ min: 100, max: 50_000 }).map((depth): Case => ({ label: "deep nesting as the body", raw: "[".repeat(depth) + "]".repeat(depth), status: 400, path: "" })),
    fc.constantFrom("", " ", "\n\t").map((raw): Case => ({ label: "empty body", raw, status: 400, path: "" })),
    fc.constantFrom(...BAD_UTF8).map((bytes): Case => ({ label: "not UTF-8", raw: new Uint8Array(bytes), status: 400, path: "" })),
    fc.tuple(valid, fc.constantFrom<string | null>(...BAD_TYPES, null)).map(([body, contentType]): Case => ({ label: "wrong media type", raw: jsonText(body), contentType, status: 415 })),
    fc.tuple(valid, fc.integer({ min: 1, max: 200_000 })).map(([body, extra]): Case => ({ label: "body over 1 MB", body: { ...body, padding: "x".repeat(1024 * 1024 + extra) }, status: 413 })),
  );
}

/** Ids that are not ids: the route refuses them (400, path "id") before reading the body. */
export const badPathId = fc
  .oneof(
    fc.constantFrom("0", "-1", "abc", "1.5", "1e3", "", " 1", "1 ", "9999999999999999", "1;DROP TABLE \"Report\"", "%00", "\u0661\u0662", "NaN", "Infinity", "0x1", "01", "１", "1/../2", "<script>"),
    fc.string({ maxLength: 20 }).filter((s) => !/^[1-9]\d{0,14}$/.test(s)),
  )
  .map((raw) => ({ raw }));

// ── Reports ──

const REPORT_KEYS = ["targetCountry", "metric", "periodStart", "periodEnd", "periodLabel", "periodEventId", "statedOn", "quote", "notes", "status", "retractionReason", "synthetic", "speakers", "citations", "observations", "id", "createdAt", "updatedAt", "version"];
const SPEAKER_KEYS = ["id", "name", "role", "organisation", "country", "subject", "quote"];
const CITATION_KEYS = ["id", "outlet", "kind", "url", "title", "publishedOn", "accessedOn", "takenFrom"];
const OUTLET_KEYS = ["id", "name", "kind", "homepage", "country"];
const OBSERVATION_KEYS = ["id", "count", "qualifier", "periodStart", "periodEnd", "scope", "note"];

let counter = 0;
/** Valid reports as sent (the base every invalid report case breaks). */
export const sentReport: fc.Arbitrary<Json> = fc.constant(null).chain(() => validReport(`fuzz${++counter}`)).map((r: GeneratedReport) => r.sent);

/** For a field that is an object: an object of the wrong shape is an issue of its fields, so here only non-objects. */
const notAnObject = wrongType(false, null).filter((b) => b.label !== "object for a scalar");
const notAList = wrongType(false, null).filter((b) => b.label !== "list for a scalar" && b.label !== "deep nesting");

/** Fields of a report, each with its bad values (PATCH uses the same, all optional). */
const REPORT_FIELD_BADS: Array<[string, fc.Arbitrary<Bad>]> = [
  ["targetCountry", badCountry(true)],
  ["metric", badEnum(ENUMS.metric)],
  ["periodStart", badDate(false)],
  ["periodEnd", badDate(true)],
  ["periodLabel", badText(300)],
  ["periodEventId", badId(true)],
  ["statedOn", badDate(true)],
  ["quote", badText(10_000)],
  ["notes", badText(10_000)],
  ["status", badEnum(ENUMS.status)],
  ["retractionReason", badText(2000)],
  ["synthetic", wrongType(false, "boolean")],
  // A list of the wrong things is an issue of its items: here only what is not a list at all.
  ["speakers", notAList],
  ["citations", notAList],
  ["observations", notAList],
];

const SPEAKER_BADS: Array<[string, fc.Arbitrary<Bad>]> = [
  ["id", badId(false)],
  ["name", badText(200)],
  ["role", badText(300)],
  ["organisation", badText(300)],
  ["country", badCountry(false)],
  ["subject", badEnum(ENUMS.subject)],
  ["quote", badText(10_000)],
];
const CITATION_BADS: Array<[string, fc.Arbitrary<Bad>]> = [
  ["id", badId(false)],
  ["kind", badEnum(ENUMS.citationKind)],
  ["url", badUrl],
  ["title", badText(500)],
  ["publishedOn", badDate(true)],
  ["accessedOn", badDate(true)],
  ["takenFrom", fc.oneof(fc.constantFrom(-1, 0.5, 1e300, "0").map((value): Bad => ({ value, label: "takenFrom not an index" })), wrongType(true, "number"))],
  ["outlet", notAnObject],
];
const OUTLET_BADS: Array<[string, fc.Arbitrary<Bad>]> = [
  ["id", badId(false)],
  ["name", badText(200, { required: true, nullable: false })],
  ["kind", badEnum(ENUMS.outletKind)],
  ["homepage", badUrl],
  ["country", badCountry(false)],
];
const OBSERVATION_BADS: Array<[string, fc.Arbitrary<Bad>]> = [
  ["id", badId(false)],
  ["count", badCount],
  // null is valid: a source named without a figure has no qualifier (with a count, null means exact).
  ["qualifier", badEnum(ENUMS.qualifier, true)],
  ["periodStart", badDate(false)],
  ["periodEnd", badDate(true)],
  ["note", badText(500)],
  ["scope", notAnObject],
];

type Listed = "speakers" | "citations" | "observations";
const listLength = (report: Json, list: Listed) => (report[list] as unknown[]).length;

/** A bad value in one item of a list: the base is chained so the index exists. */
function itemCase(base: fc.Arbitrary<Json>, list: Listed, bads: Array<[string, fc.Arbitrary<Bad>]>, within: Path = []): fc.Arbitrary<Case> {
  return base.chain((report) =>
    fc.tuple(fc.nat({ max: listLength(report, list) - 1 }), fc.constantFrom(...bads)).chain(([index, [field, badValue]]) => fieldCase(fc.constant(report), [list, index, ...within, field], badValue)),
  );
}

function itemUnknownKey(base: fc.Arbitrary<Json>, list: Listed, allowed: string[], within: Path = []): fc.Arbitrary<Case> {
  return base.chain((report) => fc.nat({ max: listLength(report, list) - 1 }).chain((index) => unknownKeyCase(fc.constant(report), [list, index, ...within], allowed)));
}

const withPeriod = (report: Json, start: string, end: string | null): Json => ({
  ...report,
  periodStart: start,
  periodEnd: end,
  statedOn: null,
  observations: (report.observations as Json[]).map(({ periodStart: _s, periodEnd: _e, ...o }) => o),
});

/** Rules between fields and references to stored things: each breaks one, the issue names the field. */
function ruleCases(base: fc.Arbitrary<Json>): fc.Arbitrary<Case> {
  const rule = (label: string, path: string, change: (r: Json) => Json): fc.Arbitrary<Case> => base.map((r) => ({ label, body: change(r), status: 400, path }));
  const cite = (r: Json, i: number, patch: Json): Json[] => (r.citations as Json[]).map((c, j) => (j === i ? { ...c, ...patch } : c));
  return fc.oneof(
    rule("period ends before it starts", "periodEnd", (r) => withPeriod(r, "2020-01-01", "2019-12-31")),
    rule("stated before the period", "statedOn", (r) => ({ ...withPeriod(r, "2020-01-01", null), statedOn: "2019-06-01" })),
    rule("retracted without a reason", "retractionReason", (r) => ({ ...r, status: "retracted", retractionReason: null })),
    rule("a reason without retraction", "retractionReason", (r) => ({ ...r, status: "published", retractionReason: "<b>oops</b>" })),
    rule("accessed before published", "citations.0.accessedOn", (r) => ({ ...r, periodStart: "2020-01-01", periodEnd: null, statedOn: null, observations: withPeriod(r, "2020-01-01", null).observations, citations: cite(r, 0, { publishedOn: "2021-05-05", accessedOn: "2021-05-04" }) })),
    rule("taken from itself", "citations.0.takenFrom", (r) => ({ ...r, citations: cite(r, 0, { takenFrom: 0 }) })),
    rule("taken from a citation that is not there", "citations.0.takenFrom", (r) => ({ ...r, citations: cite(r, 0, { takenFrom: listLength(r, "citations") + 3 }) })),
    rule("citations taken from each other", "citations.0.takenFrom", (r) => {
      const [first] = r.citations as Json[];
      return { ...r, citations: [{ ...first, takenFrom: 1 }, { ...first, takenFrom: 0 }] };
    }),
    rule("the same source twice", "observations.1.scope", (r) => ({ ...r, observations: [(r.observations as Json[])[0], (r.observations as Json[])[0]] })),
    rule("observation before the report's period", "observations.0.periodStart", (r) => {
      const moved = withPeriod(r, "2020-01-01", null);
      const [first, ...rest] = moved.observations as Json[];
      return { ...moved, observations: [{ ...first, periodStart: "2019-01-01" }, ...rest] };
    }),
    rule("observation after the report's period", "observations.0.periodEnd", (r) => {
      const moved = withPeriod(r, "2020-01-01", "2020-12-31");
      const [first, ...rest] = moved.observations as Json[];
      return { ...moved, observations: [{ ...first, periodStart: "2020-06-01", periodEnd: "2021-01-01" }, ...rest] };
    }),
    rule("the same speaker twice", "speakers.1.id", (r) => ({ ...r, speakers: [{ id: KNOWN.speakerId }, { id: KNOWN.speakerId, subject: "attribution" }] })),
    rule("the same new speaker twice", "speakers.1.name", (r) => ({ ...r, speakers: [{ name: "Ana <b>Torres</b>" }, { name: "Ana <b>Torres</b>", subject: "attribution" }] })),
    rule("a stored speaker by id and again in full", "speakers.1.name", (r) => ({ ...r, speakers: [{ id: KNOWN.speakerId }, { name: "Javier Jara", role: "Official", organisation: "Telecommunications ministry", country: "ec" }] })),
    rule("a speaker who is nobody", "speakers.0.name", (r) => ({ ...r, speakers: [{ subject: "figure", name: null, role: "", quote: "<i>words</i>" }] })),
    rule("an outlet without a name", "citations.0.outlet.name", (r) => ({ ...r, citations: cite(r, 0, { outlet: { kind: "government", homepage: null } }) })),
    rule("all sources with a code", "observations.0.scope.code", (r) => ({ ...r, observations: [{ count: 5, scope: { type: "all", code: "PE" } }] })),
    rule("a country scope without a code", "observations.0.scope.code", (r) => ({ ...r, observations: [{ count: 5, scope: { type: "country", code: null } }] })),
    fc.tuple(base, fc.constantFrom("country", "region") as fc.Arbitrary<"country" | "region">).chain(([r, type]) =>
      badScopeCode(type).map((b): Case => ({ label: b.label, body: { ...r, observations: [{ count: 5, scope: { type, code: b.value } }] }, status: 400, path: "observations.0.scope.code" })),
    ),
    rule("an event that does not exist", "periodEventId", (r) => ({ ...r, periodEventId: KNOWN.missingId })),
    rule("a speaker that does not exist", "speakers.0.id", (r) => ({ ...r, speakers: [{ id: KNOWN.missingId }] })),
    rule("an outlet that does not exist", "citations.0.outlet.id", (r) => ({ ...r, citations: cite(r, 0, { outlet: { id: KNOWN.missingId } }) })),
    rule("a stored speaker described otherwise", "speakers.0.name", (r) => ({ ...r, speakers: [{ id: KNOWN.speakerId, name: "Somebody <else>" }] })),
    rule("a stored outlet described otherwise", "citations.0.outlet.name", (r) => ({ ...r, citations: cite(r, 0, { outlet: { id: KNOWN.outletId, name: "'; DROP TABLE \"Outlet\"; --" } }) })),
    rule("a stored outlet of another kind, by name", "citations.0.outlet.kind", (r) => ({ ...r, citations: cite(r, 0, { outlet: { name: KNOWN.existingOutletName, kind: "company" } }) })),
    rule("no speakers", "speakers", (r) => ({ ...r, speakers: [] })),
    rule("no citations", "citations", (r) => ({ ...r, citations: [] })),
    rule("no observations", "observations", (r) => ({ ...r, observations: [] })),
    rule("51 speakers", "speakers", (r) => ({ ...r, speakers: Array.from({ length: 51 }, (_, i) => ({ name: `Speaker ${i}` })) })),
    rule("51 citations", "citations", (r) => ({ ...r, citations: Array.from({ length: 51 }, () => (r.citations as Json[])[0]).map((c) => ({ ...c, takenFrom: null })) })),
    rule("1,001 observations", "observations", (r) => ({ ...withPeriod(r, "2020-01-01", null), observations: Array.from({ length: 1001 }, (_, i) => ({ count: i, scope: { type: "all" }, periodStart: "2020-01-01", periodEnd: `2020-${String((i % 12) + 1).padStart(2, "0")}-01` })) })),
    rule("an id on a new report", "id", (r) => ({ ...r, id: 5 })),
    rule("a timestamp that is not one", "createdAt", (r) => ({ ...r, createdAt: "x".repeat(65) })),
  );
}

/** POST /api/v1/reports. */
export const createReportCases: fc.Arbitrary<Case> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...REPORT_FIELD_BADS).chain(([field, b]) => fieldCase(sentReport, [field], b)) },
  { weight: 1, arbitrary: fc.constantFrom("targetCountry", "periodStart", "speakers", "citations", "observations").chain((field) => missingCase(sentReport, [field])) },
  { weight: 1, arbitrary: fieldCase(sentReport, ["version"], badVersion) },
  { weight: 3, arbitrary: itemCase(sentReport, "speakers", SPEAKER_BADS) },
  { weight: 3, arbitrary: itemCase(sentReport, "citations", CITATION_BADS) },
  { weight: 3, arbitrary: itemCase(sentReport, "citations", OUTLET_BADS, ["outlet"]) },
  { weight: 3, arbitrary: itemCase(sentReport, "observations", OBSERVATION_BADS) },
  { weight: 1, arbitrary: itemCase(sentReport, "observations", [["type", badEnum(ENUMS.scopeType)]], ["scope"]) },
  { weight: 4, arbitrary: ruleCases(sentReport) },
  {
    weight: 3,
    arbitrary: fc.oneof(
      unknownKeyCase(sentReport, [], REPORT_KEYS),
      itemUnknownKey(sentReport, "speakers", SPEAKER_KEYS),
      itemUnknownKey(sentReport, "citations", CITATION_KEYS),
      itemUnknownKey(sentReport, "citations", OUTLET_KEYS, ["outlet"]),
      itemUnknownKey(sentReport, "observations", OBSERVATION_KEYS),
      itemUnknownKey(sentReport, "observations", ["type", "code"], ["scope"]),
    ),
  },
  { weight: 2, arbitrary: bodyCases(sentReport) },
);

const onLive = (c: Case): Case => ({ ...c, id: { target: "live" } });
const v = (body: Json) => ({ version: KNOWN.liveVersion, ...body });

/** PATCH /api/v1/reports/{id}: changes that are bad on their own, or make the stored report bad. */
export const patchReportCases: fc.Arbitrary<Case> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...REPORT_FIELD_BADS).chain(([field, b]) => fieldCase(fc.constant(v({})), [field], b)).map(onLive) },
  { weight: 4, arbitrary: fc.constantFrom<Listed>("speakers", "citations", "observations").chain((list) => {
      const bads = { speakers: SPEAKER_BADS, citations: CITATION_BADS, observations: OBSERVATION_BADS }[list];
      return itemCase(sentReport.map((r) => v({ [list]: r[list] })), list, bads).map(onLive);
    }) },
  { weight: 2, arbitrary: fc.oneof(fieldCase(fc.constant(v({ notes: "<b>x</b>" })), ["version"], badVersion), missingCase(fc.constant(v({ notes: "x" })), ["version"])).map(onLive) },
  { weight: 2, arbitrary: unknownKeyCase(fc.constant(v({ notes: "=1+1" })), [], REPORT_KEYS).map(onLive) },
  {
    weight: 3,
    // The stored report starts 2020-01-01 and ends 2020-12-31 (see the test's setup).
    arbitrary: fc.constantFrom<Case>(
      { label: "ends before the stored start", body: v({ periodEnd: "2019-06-01" }), status: 400, path: "periodEnd" },
      { label: "starts after the stored end", body: v({ periodStart: "2021-06-01" }), status: 400, path: "periodEnd" },
      { label: "stated before the stored start", body: v({ statedOn: "2019-01-01" }), status: 400, path: "statedOn" },
      { label: "retracted without a reason", body: v({ status: "retracted" }), status: 400, path: "retractionReason" },
      { label: "a reason, not retracted", body: v({ retractionReason: "because" }), status: 400, path: "retractionReason" },
      { label: "an id in the body", body: v({ id: 3 }), status: 400, path: "id" },
      { label: "no speakers left", body: v({ speakers: [] }), status: 400, path: "speakers" },
      { label: "an event that does not exist", body: v({ periodEventId: KNOWN.missingId }), status: 400, path: "periodEventId" },
    ).map(onLive),
  },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 2, max: 2_000_000_000 }), hostileText(50)).map(([version, notes]): Case => ({ label: "stale version", id: { target: "live" }, body: { version, notes }, status: 409 })) },
  { weight: 1, arbitrary: fc.constantFrom<Case>(
      { label: "a report that does not exist", id: { target: "missing" }, body: v({ notes: "x" }), status: 404 },
      { label: "a deleted report", id: { target: "deleted" }, body: { version: 2, notes: "x" }, status: 404 },
    ) },
  { weight: 2, arbitrary: fc.tuple(badPathId, fc.constant(v({ notes: "x" }))).map(([id, body]): Case => ({ label: "not an id", id, body, status: 400, path: "id" })) },
  { weight: 2, arbitrary: bodyCases(fc.constant(v({ notes: "x" }))).map(onLive) },
);

/** { reason, version? }: DELETE and retract of reports, DELETE of speakers, outlets, events. */
function reasonBodyCases(): fc.Arbitrary<Case> {
  const valid = fc.constant({ reason: "<script>alert(1)</script> — '; DROP TABLE x" });
  return fc.oneof(
    { weight: 4, arbitrary: fieldCase(valid, ["reason"], badText(2000, { required: true, nullable: false })) },
    { weight: 1, arbitrary: missingCase(valid, ["reason"]) },
    { weight: 2, arbitrary: fieldCase(valid, ["version"], badVersion) },
    { weight: 2, arbitrary: unknownKeyCase(valid, [], ["reason", "version"]) },
    { weight: 2, arbitrary: bodyCases(valid) },
  );
}

/** DELETE and retract of a report. */
export function reasonReportCases(kind: "delete" | "retract"): fc.Arbitrary<Case> {
  const ok = { reason: "duplicate of another report" };
  return fc.oneof(
    { weight: 8, arbitrary: reasonBodyCases().map(onLive) },
    { weight: 1, arbitrary: fc.integer({ min: 2, max: 2_000_000_000 }).map((version): Case => ({ label: "stale version", id: { target: "live" }, body: { ...ok, version }, status: 409 })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Case>(
        { label: "a report that does not exist", id: { target: "missing" }, body: ok, status: 404 },
        kind === "delete"
          ? { label: "already deleted", id: { target: "deleted" }, body: ok, status: 409 }
          : { label: "a deleted report", id: { target: "deleted" }, body: ok, status: 404 },
        ...(kind === "retract" ? [{ label: "already retracted", id: { target: "retracted" as const }, body: ok, status: 409 }] : []),
      ),
    },
    { weight: 1, arbitrary: badPathId.map((id): Case => ({ label: "not an id", id, body: ok, status: 400, path: "id" })) },
  );
}

/** POST …/restore of a report: { reason?, toVersion?, version? }. */
export const restoreReportCases: fc.Arbitrary<Case> = fc.oneof(
  { weight: 3, arbitrary: fieldCase(fc.constant({}), ["reason"], badText(2000)).map(onLive) },
  { weight: 2, arbitrary: fieldCase(fc.constant({ version: 1 }), ["toVersion"], badVersion).map(onLive) },
  { weight: 2, arbitrary: fieldCase(fc.constant({ toVersion: 1 }), ["version"], badVersion).map(onLive) },
  { weight: 2, arbitrary: unknownKeyCase(fc.constant({ reason: "x" }), [], ["reason", "toVersion", "version"]).map(onLive) },
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.integer({ min: 1, max: 2_000_000_000 }).map((toVersion): Case => ({ label: "toVersion without version", id: { target: "live" }, body: { toVersion }, status: 400, path: "version" })),
      fc.integer({ min: 1, max: 2_000_000_000 }).map((toVersion): Case => ({ label: "toVersion not earlier", id: { target: "live" }, body: { toVersion, version: KNOWN.liveVersion }, status: 400, path: "toVersion" })),
      hostileText(100).map((reason): Case => ({ label: "a report that is not deleted", id: { target: "live" }, body: { reason }, status: 409 })),
      fc.integer({ min: 3, max: 2_000_000_000 }).map((version): Case => ({ label: "stale version of a deleted report", id: { target: "deleted" }, body: { version }, status: 409 })),
      fc.integer({ min: 1, max: 1 }).map((toVersion): Case => ({ label: "toVersion of a deleted report", id: { target: "deleted" }, body: { toVersion, version: 2 }, status: 409 })),
      fc.constant<Case>({ label: "a report that does not exist", id: { target: "missing" }, body: {}, status: 404 }),
      badPathId.map((id): Case => ({ label: "not an id", id, body: {}, status: 400, path: "id" })),
    ),
  },
  { weight: 2, arbitrary: bodyCases(fc.constant({})).map(onLive) },
);

// ── Speakers, outlets, events ──

export type SourceKind = "speakers" | "outlets" | "events";

const SOURCE_FIELDS: Record<SourceKind, Array<[string, fc.Arbitrary<Bad>]>> = {
  speakers: [
    ["name", badText(200)],
    ["role", badText(300)],
    ["organisation", badText(300)],
    ["country", badCountry(false)],
  ],
  outlets: [
    ["name", badText(200, { required: true, nullable: false })],
    ["kind", badEnum(ENUMS.outletKind)],
    ["homepage", badUrl],
    ["country", badCountry(false)],
  ],
  events: [
    ["date", badDate(false)],
    ["label", badText(200, { required: true, nullable: false })],
    ["description", badText(2000)],
    ["country", badCountry(false)],
  ],
};

let sourceCounter = 0;
const validSource: Record<SourceKind, fc.Arbitrary<Json>> = {
  speakers: fc.record({ name: hostileText(150), role: hostileText(300), country: fc.constantFrom("ec", "US", "") }),
  outlets: fc.tuple(hostileText(150), fc.constantFrom(...ENUMS.outletKind)).map(([name, kind]) => ({ name: `${name} ~${++sourceCounter}`, kind, homepage: "https://example.org/<x>" })),
  events: fc.record({ date: fc.constantFrom("2019-04-11", "1970-01-01", "2000-02-29"), label: hostileText(200), description: hostileText(2000) }),
};

const REQUIRED: Record<SourceKind, string[]> = { speakers: [], outlets: ["name"], events: ["date", "label"] };

export function createSourceCases(kind: SourceKind): fc.Arbitrary<Case> {
  const base = validSource[kind];
  const keys = SOURCE_FIELDS[kind].map(([k]) => k);
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...SOURCE_FIELDS[kind]).chain(([field, b]) => fieldCase(base, [field], b)) },
    { weight: 2, arbitrary: unknownKeyCase(base, [], keys) },
    {
      weight: 2,
      arbitrary:
        kind === "speakers"
          ? fc.constantFrom<Json>({}, { name: null }, { name: "", role: " ", organisation: "\u3000" }, { country: "EC" }).map((body): Case => ({ label: "nobody", body, status: 400, path: "name" }))
          : kind === "outlets"
            ? fc.oneof(
                missingCase(base, ["name"]),
                base.map((b): Case => ({ label: "a name already taken", body: { ...b, name: KNOWN.existingOutletName }, status: 409, path: "name" })),
              )
            : fc.constantFrom(...REQUIRED.events).chain((field) => missingCase(base, [field])),
    },
    { weight: 2, arbitrary: bodyCases(base) },
  );
}

export function patchSourceCases(kind: SourceKind): fc.Arbitrary<Case> {
  const keys = [...SOURCE_FIELDS[kind].map(([k]) => k), "version"];
  const ok = v(kind === "events" ? { label: "renamed <b>" } : kind === "outlets" ? { kind: "company" } : { role: "'; --" });
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...SOURCE_FIELDS[kind]).chain(([field, b]) => fieldCase(fc.constant(v({})), [field], b)).map(onLive) },
    { weight: 1, arbitrary: fc.oneof(fieldCase(fc.constant(ok), ["version"], badVersion), missingCase(fc.constant(ok), ["version"])).map(onLive) },
    { weight: 1, arbitrary: unknownKeyCase(fc.constant(ok), [], keys).map(onLive) },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.integer({ min: 2, max: 2_000_000_000 }).map((version): Case => ({ label: "stale version", id: { target: "live" }, body: { ...ok, version }, status: 409 })),
        fc.constant<Case>({ label: "does not exist", id: { target: "missing" }, body: ok, status: 404 }),
        fc.constant<Case>({ label: "deleted", id: { target: "deleted" }, body: { ...ok, version: 2 }, status: 404 }),
        badPathId.map((id): Case => ({ label: "not an id", id, body: ok, status: 400, path: "id" })),
        // The live speaker has a name only; the live outlet may not take a stored outlet's name.
        ...(kind === "speakers" ? [fc.constant<Case>({ label: "nobody left", id: { target: "live" }, body: v({ name: null }), status: 400, path: "name" })] : []),
        ...(kind === "outlets" ? [fc.constant<Case>({ label: "a name already taken", id: { target: "live" }, body: v({ name: KNOWN.existingOutletName }), status: 409, path: "name" })] : []),
      ),
    },
    { weight: 1, arbitrary: bodyCases(fc.constant(ok)).map(onLive) },
  );
}

export function deleteSourceCases(): fc.Arbitrary<Case> {
  const ok = { reason: "merged into another" };
  return fc.oneof(
    { weight: 8, arbitrary: reasonBodyCases().map(onLive) },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.integer({ min: 2, max: 2_000_000_000 }).map((version): Case => ({ label: "stale version", id: { target: "live" }, body: { ...ok, version }, status: 409 })),
        fc.constant<Case>({ label: "still used by a report", id: { target: "inUse" }, body: ok, status: 409 }),
        fc.constant<Case>({ label: "already deleted", id: { target: "deleted" }, body: ok, status: 409 }),
        fc.constant<Case>({ label: "does not exist", id: { target: "missing" }, body: ok, status: 404 }),
        badPathId.map((id): Case => ({ label: "not an id", id, body: ok, status: 400, path: "id" })),
      ),
    },
  );
}

export function restoreSourceCases(): fc.Arbitrary<Case> {
  return fc.oneof(
    { weight: 3, arbitrary: fieldCase(fc.constant({}), ["reason"], badText(2000)).map(onLive) },
    { weight: 2, arbitrary: fc.oneof(fieldCase(fc.constant({ version: 1 }), ["toVersion"], badVersion), fieldCase(fc.constant({}), ["version"], badVersion)).map(onLive) },
    { weight: 2, arbitrary: unknownKeyCase(fc.constant({ reason: "x" }), [], ["reason", "toVersion", "version"]).map(onLive) },
    {
      weight: 3,
      arbitrary: fc.oneof(
        fc.integer({ min: 1, max: 2_000_000_000 }).map((toVersion): Case => ({ label: "toVersion of a speaker, outlet or event", id: { target: "deleted" }, body: { toVersion, version: 2 }, status: 400, path: "toVersion" })),
        hostileText(100).map((reason): Case => ({ label: "not deleted", id: { target: "live" }, body: { reason }, status: 409 })),
        fc.constant<Case>({ label: "does not exist", id: { target: "missing" }, body: {}, status: 404 }),
        badPathId.map((id): Case => ({ label: "not an id", id, body: {}, status: 400, path: "id" })),
      ),
    },
    { weight: 2, arbitrary: bodyCases(fc.constant({})).map(onLive) },
  );
}

// ── Tokens ──

const badEmail: fc.Arbitrary<Bad> = fc.oneof(
  fc.constantFrom("not-an-email", "a@", "@example.org", "a b@example.org", "<script>@x.org", "a@example.org'; --", "javascript:alert(1)", "").map((value): Bad => ({ value, label: "not an email address" })),
  fc.integer({ min: 1, max: 500 }).map((n): Bad => ({ value: `${"a".repeat(250 + n)}@example.org`, label: "email too long" })),
  wrongType(false),
);
const badDays: fc.Arbitrary<Bad> = fc.oneof(
  fc.constantFrom(0, -1, 3651, 1.5, 1e300, "30", "", true).map((value): Bad => ({ value, label: "expiry out of range" })),
  fc.constantFrom("1e999", "-1e999").map((t): Bad => ({ value: new RawJson(t), label: "expiry Infinity" })),
  wrongType(true, "number"),
);

export const createTokenCases: fc.Arbitrary<Case> = fc.oneof(
  { weight: 3, arbitrary: fieldCase(fc.constant({ name: "ci <b>bot</b>" }), ["name"], badText(100, { required: true, nullable: false })) },
  { weight: 1, arbitrary: missingCase(fc.constant({ name: "x", expiresInDays: 30 }), ["name"]) },
  { weight: 3, arbitrary: fieldCase(fc.constant({ name: "ci" }), ["email"], badEmail) },
  // Tokens are only for oneself: any other address (an account or none) is refused before it is looked up.
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("nobody@example.org", "NOBODY+fuzz@example.org")
      .map((email): Case => ({ label: "not your own account", body: { name: "ci", email }, status: 403, path: "email" })),
  },
  { weight: 2, arbitrary: fieldCase(fc.constant({ name: "ci" }), ["expiresInDays"], badDays) },
  { weight: 2, arbitrary: unknownKeyCase(fc.constant({ name: "ci" }), [], ["name", "email", "expiresInDays"]) },
  { weight: 2, arbitrary: bodyCases(fc.constant({ name: "ci" })) },
);

/** DELETE /api/v1/tokens/{id}: the id is the whole request (the body is not read). */
export const revokeTokenCases: fc.Arbitrary<Case> = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(badPathId, fc.constantFrom("00000000-0000-0000-0000-00000000000g", "00000000-0000-0000-0000-0000000000000", "{00000000-0000-0000-0000-000000000000}").map((raw) => ({ raw }))).filter((id) => !/^[0-9a-f-]{36}$/i.test(id.raw)).map((id): Case => ({ label: "not a token id", id, status: 400, path: "id" })) },
  { weight: 4, arbitrary: fc.uuid().map((raw): Case => ({ label: "a token that does not exist", id: { raw }, body: { reason: "x" }, status: 404 })) },
  { weight: 1, arbitrary: fc.constantFrom("------------------------------------", "ffffffff-ffff-ffff-ffff-ffffffffffff").map((raw): Case => ({ label: "a token that does not exist", id: { raw }, status: 404 })) },
  { weight: 1, arbitrary: fc.constant<Case>({ label: "already revoked", id: { target: "revoked" }, status: 409 }) },
);
