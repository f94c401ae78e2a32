// The dashboard's aggregates on a real SQLite file: the honesty rules hold —
// competing figures are never summed, named sources stay without a number,
// qualifiers travel with their figures — and no chart gets more than 2,000 points.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countsBySource } from "@/lib/dashboard/by-source";
import { latestByTarget } from "@/lib/dashboard/by-target";
import { MAX_POINTS } from "@/lib/dashboard/common";
import { loadChart } from "@/lib/dashboard/load";
import { chooseBucket, reportTimeline } from "@/lib/dashboard/timeline";
import { staleObservationFacts, syncObservationFacts } from "@/lib/reports/facts";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { addReport } from "../helpers/reports";

let t: TestDatabase;
let older: number;
let newer: number;

beforeAll(async () => {
  t = await freshDatabase();
  // Two overlapping claims about Peru: a sum (6,000) would be a number nobody stated.
  older = (
    await addReport(t.db, {
      target: "PE",
      periodStart: "2020-01-01",
      periodEnd: "2020-12-31",
      statedOn: "2021-01-10",
      organisation: "Ministry of Defence",
      outlet: "Andina",
      observations: [
        { count: 1_000, qualifier: "approximately" },
        { count: 300, qualifier: "more_than", scope: { type: "country", code: "US" } },
      ],
    })
  ).id;
  newer = (
    await addReport(t.db, {
      target: "PE",
      periodStart: "2020-06-01",
      periodEnd: "2021-05-31",
      statedOn: "2021-06-10",
      observations: [
        { count: 5_000, qualifier: "at_least" },
        { count: null, scope: { type: "country", code: "US" } },
        { count: 50, qualifier: "up_to", scope: { type: "country", code: "BR" } },
        // A daily series inside the report.
        { count: 40, periodStart: "2021-05-01", periodEnd: "2021-05-01" },
        { count: 45, periodStart: "2021-05-02", periodEnd: "2021-05-02" },
      ],
    })
  ).id;
  await addReport(t.db, {
    target: "PE",
    periodStart: "2021-01-01",
    periodEnd: "2021-01-31",
    statedOn: "2021-12-01",
    status: "retracted",
    observations: [{ count: 999_999 }],
  });
});
afterAll(() => t.cleanup());

describe("latest figure by target", () => {
  it("shows the latest statement's headline, not the sum of overlapping reports", async () => {
    const { rows } = await latestByTarget(t.db, { target: ["PE"] });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ code: "PE", count: 5_000, qualifier: "at_least", display: "≥ 5,000", reportId: newer, reports: 2 });
  });

  it("leaves retracted reports out unless asked for", async () => {
    expect((await latestByTarget(t.db, { target: ["PE"], status: ["published", "retracted"] })).rows[0].count).toBe(999_999);
  });

  it("keeps the founding story's qualifier", async () => {
    const { rows } = await latestByTarget(t.db, { target: ["EC"] });
    expect(rows[0]).toMatchObject({ count: 40_000_000, qualifier: "more_than", display: "> 40,000,000", periodEnd: null });
  });
});

describe("figures by source", () => {
  it("takes the latest statement that gives a number, with its qualifier", async () => {
    const { rows } = await countsBySource(t.db, {});
    const us = rows.find((row) => row.code === "US")!;
    // The newer report names the US without a number; the older one gave "more than 300".
    expect(us).toMatchObject({ scopeType: "country", count: 300, qualifier: "more_than", display: "> 300", reportId: older, mentions: 3 });
    expect(rows.find((row) => row.code === "BR")).toMatchObject({ count: 50, display: "≤ 50", reportId: newer });
  });

  it("keeps a source named without a number null, never zero, and a region a region", async () => {
    const { rows } = await countsBySource(t.db, {});
    expect(rows.find((row) => row.code === "150")).toMatchObject({ scopeType: "region", name: "Europe", count: null, display: "named, no figure" });
    expect(rows.find((row) => row.code === "EC")).toMatchObject({ count: null });
    // Named sources come after every source with a figure.
    const firstNamed = rows.findIndex((row) => row.count === null);
    expect(rows.slice(firstNamed).every((row) => row.count === null)).toBe(true);
  });

  it("shows only the sources the filter selects; a region selects its countries", async () => {
    const { rows } = await countsBySource(t.db, { source: ["150"] });
    expect(rows.map((row) => row.code)).toEqual(["150"]);
    const americas = await countsBySource(t.db, { source: ["019"] });
    expect(americas.rows.map((row) => row.code).sort()).toEqual(["BR", "EC", "US"]);
  });
});

describe("timeline", () => {
  it("draws each report on its own period, daily figures as their own marks", async () => {
    const data = await reportTimeline(t.db, { target: ["PE"] });
    expect(data.bucket).toBeNull();
    expect(data.marks.map((m) => [m.kind, m.count, m.periodStart, m.periodEnd])).toEqual([
      ["period", 1_000, "2020-01-01", "2020-12-31"],
      ["period", 5_000, "2020-06-01", "2021-05-31"],
      ["daily", 40, "2021-05-01", "2021-05-01"],
      ["daily", 45, "2021-05-02", "2021-05-02"],
    ]);
    expect(data.series).toEqual([{ code: "PE", name: "Peru", figures: 4, named: 0 }]);
  });

  it("ends an open period at its statement date, or leaves it open when that is unknown", async () => {
    const ecuador = await reportTimeline(t.db, { target: ["EC"] });
    expect(ecuador.marks[0]).toMatchObject({ periodEnd: null, drawEnd: null, statedOn: null });
    expect(ecuador.events).toContainEqual(expect.objectContaining({ date: "2019-04-11", label: "Assange arrested" }));
  });

  it("buckets by the latest statement when more than 2,000 figures match, without adding", async () => {
    const days = Array.from({ length: 2_500 }, (_, i) => new Date(Date.UTC(2010, 0, 1) + i * 86_400_000 * 3).toISOString().slice(0, 10));
    await t.db.report.createMany({
      data: days.map((day) => ({ targetCountryCode: "JP", periodStart: day, periodEnd: day, statedOn: day, status: "published", synthetic: true })),
    });
    const reports = await t.db.report.findMany({ where: { targetCountryCode: "JP" }, select: { id: true, periodStart: true }, orderBy: { id: "asc" } });
    await t.db.observation.createMany({
      data: reports.map((report, i) => ({ reportId: report.id, count: BigInt(1_000 + i), periodStart: report.periodStart, periodEnd: report.periodStart })),
    });
    await syncObservationFacts(t.db, reports.map((report) => report.id));

    const data = await reportTimeline(t.db, { target: ["JP"] });
    expect(data.bucket).toBe(chooseBucket(2_499 * 3, 1));
    expect(data.marks.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(data.marks.reduce((n, mark) => n + 1 + mark.others, 0)).toBe(2_500);
    // Every mark is one statement's own figure: the latest in its bucket, never a total.
    for (const mark of data.marks) {
      expect(mark.count).toBeLessThan(3_500);
      expect(mark.count).toBe(1_000 + Math.round((Date.parse(`${mark.periodStart}T00:00:00Z`) - Date.UTC(2010, 0, 1)) / (86_400_000 * 3)));
    }
  });

  it("never sends more than 2,000 points, whatever the span and series", () => {
    for (const span of [10, 400, 3_000, 7_300, 40_000]) {
      for (const series of [1, 4, 8]) {
        const bucket = chooseBucket(span, series * 2);
        const size = { day: 1, week: 7, month: 30.44, year: 365.25 }[bucket];
        if (bucket !== "year") expect(series * 2 * (Math.floor(span / size) + 1)).toBeLessThanOrEqual(MAX_POINTS);
      }
    }
  });
});

describe("filters shared by every chart", () => {
  it("filter by speaker organisation and by outlet", async () => {
    expect((await latestByTarget(t.db, { org: ["Ministry of Defence"] })).rows.map((r) => r.reportId)).toEqual([older]);
    const outlet = await t.db.outlet.findUniqueOrThrow({ where: { name: "Andina" } });
    expect((await latestByTarget(t.db, { outlet: [outlet.id] })).rows.map((r) => r.reportId)).toEqual([older]);
    expect((await latestByTarget(t.db, { org: ["Nobody"] })).rows).toEqual([]);
  });

  it("filter by period overlap", async () => {
    expect((await latestByTarget(t.db, { target: ["PE"], to: "2020-05-31" })).rows[0].reportId).toBe(older);
    expect((await latestByTarget(t.db, { target: ["PE"], from: "2021-02-01" })).rows[0].reportId).toBe(newer);
  });
});

describe("the sources panel", () => {
  it("numbers the reports a chart draws and the chart carries the same numbers", async () => {
    const { chart, sources } = await loadChart(t.db, { target: ["PE"] }, "by-source");
    expect(sources.entries.map((e) => e.number)).toEqual(sources.entries.map((_, i) => i + 1));
    expect(sources.lastUpdated).not.toBeNull();
    if (chart.chart !== "by-source") throw new Error("wrong chart");
    for (const row of chart.data.rows) {
      const entry = sources.entries.find((e) => e.number === row.sourceNumber);
      expect(entry?.reportId).toBe(row.reportId);
    }
  });

  it("shows the founding story's speakers and the AFP → The Hill chain", async () => {
    const { sources } = await loadChart(t.db, { target: ["EC"] }, "timeline");
    expect(sources.entries).toHaveLength(1);
    const [entry] = sources.entries;
    expect(entry.headline).toBe("> 40,000,000");
    expect(entry.speakers.map((s) => s.name)).toEqual(["Unnamed official", "Javier Jara"]);
    expect(entry.chain.map((c) => `${c.outlet} (${c.kind})`)).toEqual(["Agence France-Presse (AFP) (interview)", "The Hill (republished)"]);
  });
});

describe("the dashboard's data API", () => {
  it("answers each chart's data with its sources, and refuses bad input in the error shape", async () => {
    const { GET } = await import("@/app/api/v1/dashboard/[chart]/route");
    const { get, routeParams } = await import("../helpers/http");
    const ok = await GET(get("/api/v1/dashboard/by-target?target=PE"), routeParams({ chart: "by-target" }));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { chart: string; data: { rows: Array<{ display: string; sourceNumber: number }> }; sources: { entries: unknown[] } };
    expect(body.chart).toBe("by-target");
    expect(body.data.rows[0]).toMatchObject({ display: "≥ 5,000", sourceNumber: 1 });
    expect(body.sources.entries).toHaveLength(1);

    expect((await GET(get("/api/v1/dashboard/pie"), routeParams({ chart: "pie" }))).status).toBe(404);
    const bad = await GET(get("/api/v1/dashboard/timeline?from=2020-02-31"), routeParams({ chart: "timeline" }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { issues: Array<{ path: string }> } }).error.issues[0].path).toBe("from");
  });
});

describe("report facts on observations", () => {
  it("match their reports after every write in this suite, and a write that forgets to sync is caught", async () => {
    expect(await staleObservationFacts(t.db)).toBe(0);
    await t.db.report.update({ where: { id: older }, data: { status: "retracted" } });
    expect(await staleObservationFacts(t.db)).toBe(2);
    await syncObservationFacts(t.db, [older]);
    expect(await staleObservationFacts(t.db)).toBe(0);
    expect((await reportTimeline(t.db, { target: ["PE"], status: ["retracted"] })).marks.map((m) => m.reportId)).toContain(older);
    await t.db.report.update({ where: { id: older }, data: { status: "published" } });
    await syncObservationFacts(t.db, [older]);
  });
});
