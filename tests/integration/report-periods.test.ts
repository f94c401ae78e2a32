// Every valid shape of a report's period against its observations' periods is
// stored and read back equal, through the API and through the import, on the
// database under test. The fuzzer generated many invalid inputs but never
// this valid one: an open report period with an all-sources figure of its own
// (closed) period made `isHeadline` NULL and the write a 500.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/reports/route";
import { GET as getRoute } from "@/app/api/v1/reports/[id]/route";
import { POST as importRoute } from "@/app/api/v1/import/route";
import { staleObservationFacts } from "@/lib/reports/facts";
import type { ReportJson } from "@/lib/reports/types";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { apiRequest, bearer, makeUser, tokenFor } from "../helpers/auth";
import { csvRecord } from "@/lib/csv/write";

let t: TestDatabase;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await freshDatabase();
  admin = bearer((await tokenFor((await makeUser("admin", "periods@example.org")).email)).token);
});
afterAll(() => t.cleanup());
afterEach(async () => expect(await staleObservationFacts(t.db)).toBe(0));

const noParams = { params: Promise.resolve({}) };
const START = "2020-01-01";
const END = "2020-12-31";

interface Period {
  name: string;
  periodStart?: string;
  periodEnd?: string | null;
}

const REPORT_PERIODS = [
  { name: "open report period", periodStart: START, periodEnd: null },
  { name: "closed report period", periodStart: START, periodEnd: END },
] as const;

/** The observation's own period, relative to the report's (undefined: none of its own). */
function observationPeriods(reportEnd: string | null): Period[] {
  const periods: Period[] = [
    { name: "no period of its own" },
    { name: "equal to the report's", periodStart: START, periodEnd: reportEnd },
    { name: "closed, starting on the report's start", periodStart: START, periodEnd: "2020-06-30" },
    { name: "closed, starting on the report's start, a whole year", periodStart: START, periodEnd: END },
    { name: "one day, the report's first", periodStart: START, periodEnd: START },
    { name: "closed, inside", periodStart: "2020-03-01", periodEnd: "2020-06-30" },
    { name: "closed, ending on the report's end (or the year's)", periodStart: "2020-06-01", periodEnd: END },
    { name: "one day, the last of the year", periodStart: END, periodEnd: END },
    { name: "open, starting on the report's start", periodStart: START, periodEnd: null },
    { name: "open, starting inside", periodStart: "2020-03-01", periodEnd: null },
  ];
  // Inside a closed report period an observation must end: drop the open ones.
  return periods.filter((p) => reportEnd === null || p.periodEnd !== null);
}

const SCOPES = [{ type: "all" as const }, { type: "country" as const, code: "US" }];

interface Case {
  label: string;
  report: (typeof REPORT_PERIODS)[number];
  observation: Period;
  scope: (typeof SCOPES)[number];
  qualifier: "exact" | "approximately" | "more_than";
}

const CASES: Case[] = REPORT_PERIODS.flatMap((report) =>
  observationPeriods(report.periodEnd).flatMap((observation) =>
    SCOPES.map((scope, index) => ({
      label: `${report.name}, observation ${observation.name}, scope ${scope.type}`,
      report,
      observation,
      scope,
      qualifier: (["approximately", "more_than"] as const)[index],
    })),
  ),
);

function payload(c: Case, count = 800) {
  const observation: Record<string, unknown> = { count, qualifier: c.qualifier, scope: c.scope };
  if (c.observation.periodStart !== undefined) observation.periodStart = c.observation.periodStart;
  if (c.observation.periodEnd !== undefined) observation.periodEnd = c.observation.periodEnd;
  return {
    targetCountry: "UA",
    metric: "cyberattacks",
    periodStart: c.report.periodStart,
    periodEnd: c.report.periodEnd,
    statedOn: "2023-01-10",
    status: "published",
    speakers: [{ name: "Test Speaker", role: "Head of department", country: "UA", subject: "figure" }],
    citations: [{ outlet: { name: "Period Test Wire", kind: "wire_agency" }, kind: "article", url: "https://periods.example/1" }],
    observations: [observation],
  };
}

/** What the stored observation must be: its own period, or the report's. */
function expectedObservation(c: Case, count: number) {
  return {
    count,
    qualifier: c.qualifier,
    periodStart: c.observation.periodStart ?? c.report.periodStart,
    periodEnd: c.observation.periodEnd === undefined ? c.report.periodEnd : c.observation.periodEnd,
    scope: { type: c.scope.type, code: c.scope.type === "all" ? null : c.scope.code },
  };
}

function expectedHeadline(c: Case): boolean {
  const o = expectedObservation(c, 0);
  return c.scope.type === "all" && o.periodStart === c.report.periodStart && o.periodEnd === c.report.periodEnd;
}

async function readBack(id: number): Promise<ReportJson> {
  const response = await getRoute(apiRequest("GET", `/api/v1/reports/${id}`, { headers: admin }), { params: Promise.resolve({ id: String(id) }) });
  expect(response.status).toBe(200);
  return response.json();
}

async function checkStored(report: ReportJson, c: Case, count: number) {
  expect(report).toMatchObject({ periodStart: c.report.periodStart, periodEnd: c.report.periodEnd });
  expect(report.observations).toHaveLength(1);
  expect(report.observations[0]).toMatchObject(expectedObservation(c, count));
  const stored = await t.db.observation.findFirstOrThrow({ where: { reportId: report.id } });
  expect(stored.isHeadline).toBe(expectedHeadline(c));
}

it("covers every combination of report period, observation period and scope", () => {
  // 2 scopes × (10 observation periods under an open report + 8 under a closed one).
  expect(CASES).toHaveLength(36);
});

describe("POST /api/v1/reports: 201 and read back equal", () => {
  it.each(CASES.map((c) => [c.label, c] as const))("%s", async (_label, c) => {
    const response = await createRoute(apiRequest("POST", "/api/v1/reports", { body: payload(c), headers: admin }), noParams);
    const created = await response.json();
    expect(response.status, JSON.stringify(created)).toBe(201);
    await checkStored(created, c, 800);
    const read = await readBack(created.id);
    expect(read).toEqual(created);
    await checkStored(read, c, 800);
  });
});

const IMPORT_COLUMNS = [
  "target_country",
  "metric",
  "report_period_start",
  "report_period_end",
  "stated_on",
  "status",
  "count",
  "qualifier",
  "period_start",
  "period_end",
  "scope_type",
  "source_code",
  "speakers_json",
  "citations_json",
] as const;

function importRow(c: Case, count: number): string[] {
  const p = payload(c, count);
  const o = expectedObservation(c, count);
  const cells: Record<(typeof IMPORT_COLUMNS)[number], string> = {
    target_country: p.targetCountry,
    metric: p.metric,
    report_period_start: p.periodStart,
    report_period_end: p.periodEnd ?? "",
    stated_on: p.statedOn,
    status: p.status,
    count: String(count),
    qualifier: c.qualifier,
    period_start: o.periodStart,
    period_end: o.periodEnd ?? "",
    scope_type: c.scope.type,
    source_code: c.scope.type === "all" ? "" : c.scope.code,
    speakers_json: JSON.stringify(p.speakers),
    citations_json: JSON.stringify(p.citations),
  };
  return IMPORT_COLUMNS.map((column) => cells[column]);
}

async function upload(csv: string, dryRun: boolean) {
  const response = await importRoute(
    apiRequest("POST", `/api/v1/import?dryRun=${dryRun}`, { raw: csv, headers: { ...admin, "content-type": "text/csv" } }),
    noParams,
  );
  return { status: response.status, body: await response.json() };
}

describe("the import: valid in the dry run, written by the commit, read back equal", () => {
  it.each(CASES.map((c, index) => [c.label, c, index] as const))("%s", async (_label, c, index) => {
    // A count of its own per case, so each imported report is a new one.
    const count = 10_000 + index;
    const csv = [IMPORT_COLUMNS as readonly string[], importRow(c, count)].map(csvRecord).join("");
    const check = await upload(csv, true);
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(check.body).toMatchObject({ valid: true, reports: { created: 1 } });
    const done = await upload(csv, false);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ valid: true, committed: true, reports: { created: 1 } });
    const observation = await t.db.observation.findFirstOrThrow({ where: { count: BigInt(count) } });
    await checkStored(await readBack(observation.reportId), c, count);
  });
});

// A real multi-year statement, as published: Ilya Vitiuk, head of the SBU's cyber
// security department, quoted by Censor.net (26 December 2022) and MYC News
// (27 December 2022): "in 2020, almost 800 cyber attacks were recorded, in 2021
// - 1400, and this year - more than 4500" ("since the beginning of the year").
// Only what the text says: the 2022 figure runs from 1 January with no end given.
const SBU_2022 = {
  targetCountry: "UA",
  metric: "cyberattacks",
  periodStart: "2020-01-01",
  periodEnd: null,
  statedOn: "2022-12-26",
  status: "published",
  speakers: [
    { name: "Ilya Vitiuk", role: "Head of the Cyber Security Department", organisation: "Security Service of Ukraine (SBU)", country: "UA", subject: "figure" },
  ],
  citations: [
    {
      outlet: { name: "Censor.net", kind: "news_outlet" },
      kind: "article",
      url: "https://censor.net/en/news/3389460/ssu_neutralized_over_45_thousand_russian_cyberattacks_on_ukraine_since_beginning_of_this_year",
      publishedOn: "2022-12-26",
    },
    {
      outlet: { name: "MYC News", kind: "news_outlet" },
      kind: "article",
      url: "https://myc.news/en/politika/sbu_nejtralizovala_bolee_4_5_tys_kiberatak_v_ukraine",
      publishedOn: "2022-12-27",
    },
  ],
  observations: [
    { count: 800, qualifier: "approximately", periodStart: "2020-01-01", periodEnd: "2020-12-31", scope: { type: "all" } },
    { count: 1400, qualifier: "exact", periodStart: "2021-01-01", periodEnd: "2021-12-31", scope: { type: "all" } },
    { count: 4500, qualifier: "more_than", periodStart: "2022-01-01", periodEnd: null, scope: { type: "all" } },
  ],
};

describe("a real multi-year statement (SBU, December 2022)", () => {
  it("is stored with its three yearly figures and read back equal", async () => {
    const response = await createRoute(apiRequest("POST", "/api/v1/reports", { body: SBU_2022, headers: admin }), noParams);
    const created: ReportJson = await response.json();
    expect(response.status, JSON.stringify(created)).toBe(201);
    expect(created.observations.map(({ count, qualifier, periodStart, periodEnd }) => ({ count, qualifier, periodStart, periodEnd }))).toEqual(
      SBU_2022.observations.map(({ count, qualifier, periodStart, periodEnd }) => ({ count, qualifier, periodStart, periodEnd })),
    );
    expect(await readBack(created.id)).toEqual(created);
    // None covers the report's whole (open) period: none is its headline.
    const stored = await t.db.observation.findMany({ where: { reportId: created.id } });
    expect(stored.map((o) => o.isHeadline)).toEqual([false, false, false]);
  });
});
