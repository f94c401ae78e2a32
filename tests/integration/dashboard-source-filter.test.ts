// Issue 11 item 3: under a source filter, the dashboard drew the founding
// story's all-sources "more than 40 million" under "source United States",
// while the report only names the United States. Every chart, its API and its
// CSV of displayed rows now draw only observations scoped to the selected
// sources; the report's total is context, labelled as such. Item 4's data side:
// a timeline only counts observations whose own period is in view.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as dashboardRoute } from "@/app/api/v1/dashboard/[chart]/route";
import { GET as exportRoute } from "@/app/api/v1/export/[file]/route";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { get, routeParams } from "../helpers/http";
import { addReport } from "../helpers/reports";

let t: TestDatabase;
let peru: number;

interface Drawn {
  count: number | null;
  display: string;
  reportId: number;
  source?: string | null;
  context?: string | null;
  series?: string;
  code?: string;
  scopeType?: string;
}
interface ChartBody {
  chart: string;
  data: { rows?: Drawn[]; marks?: Drawn[]; series?: Array<{ code: string; figures: number; named: number }> };
  sources: { entries: Array<{ reportId: number; headline: string | null; headlineNote: string | null }> };
}

async function chart(name: string, query: string): Promise<ChartBody> {
  const response = await dashboardRoute(get(`/api/v1/dashboard/${name}?${query}`), routeParams({ chart: name }));
  expect(response.status).toBe(200);
  return (await response.json()) as ChartBody;
}

async function csv(name: string, query: string): Promise<Array<Record<string, string>>> {
  const file = `${name}.csv`;
  const response = await exportRoute(get(`/api/v1/export/${file}?${query}&rows=displayed`), routeParams({ file }));
  expect(response.status).toBe(200);
  return parse(await response.text(), { bom: true, columns: true }) as Array<Record<string, string>>;
}

const drawn = (body: ChartBody) => body.data.rows ?? body.data.marks ?? [];

beforeAll(async () => {
  // The seed holds the founding story: Ecuador, > 40,000,000 from all sources, the US named without a figure.
  t = await freshDatabase();
  // A report that does give the US a figure, beside its own total.
  peru = (
    await addReport(t.db, {
      target: "PE",
      periodStart: "2020-01-01",
      periodEnd: "2020-12-31",
      statedOn: "2021-01-10",
      observations: [
        { count: 1_000, qualifier: "approximately" },
        { count: 300, qualifier: "more_than", scope: { type: "country", code: "US" } },
        { count: 2_194, scope: { type: "country", code: "BR" } },
      ],
    })
  ).id;
});
afterAll(() => t.cleanup());

describe("a source filter draws only figures attributed to the selected sources", () => {
  it("by target: the US is 'named, no figure' for Ecuador, and its own 300 for Peru — never 40 million", async () => {
    const body = await chart("by-target", "source=US");
    const rows = drawn(body);
    expect(rows.map((row) => row.count)).not.toContain(40_000_000);
    expect(rows.find((row) => row.code === "EC")).toMatchObject({ count: null, display: "named, no figure", source: "United States of America" });
    expect(rows.find((row) => row.code === "PE")).toMatchObject({ count: 300, display: "> 300", source: "United States of America", reportId: peru });
    // The report's total is context, labelled as the total of all sources.
    expect(rows.find((row) => row.code === "EC")!.context).toBe("total of all sources, in reports that name United States of America: > 40,000,000");
    const ecuadorSource = body.sources.entries.find((entry) => entry.headline === "> 40,000,000")!;
    expect(ecuadorSource.headlineNote).toBe("total of all sources, in reports that name United States of America");
  });

  it("timeline: no all-sources total is drawn; the US figure is, and the named-only report says so", async () => {
    const body = await chart("timeline", "source=US");
    const marks = drawn(body);
    expect(marks.map((mark) => mark.count)).not.toContain(40_000_000);
    expect(marks.map((mark) => mark.count)).not.toContain(1_000);
    expect(marks.find((mark) => mark.count === 300)).toMatchObject({ series: "PE", source: "United States of America" });
    expect(marks.find((mark) => mark.series === "EC")).toMatchObject({ count: null, display: "named, no figure", source: "United States of America" });
    expect(body.data.series).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "PE", figures: 1, named: 0 }),
        expect.objectContaining({ code: "EC", figures: 0, named: 1 }),
      ]),
    );
  });

  it("by source and map: only the US, named for Ecuador is outranked by its figure for Peru", async () => {
    for (const name of ["by-source", "map"]) {
      const rows = drawn(await chart(name, "source=US"));
      expect(rows.map((row) => row.code)).toEqual(["US"]);
      expect(rows[0]).toMatchObject({ count: 300 });
    }
    // Ecuador alone: the US is only named.
    const ecuador = drawn(await chart("map", "source=US&target=EC"));
    expect(ecuador).toEqual([expect.objectContaining({ code: "US", count: null, display: "named, no figure" })]);
  });

  it("a region selects itself, its sub-regions and its countries", async () => {
    // Europe is named by the founding story; no European figure exists, so nothing has a number.
    for (const name of ["timeline", "by-target"]) {
      const rows = drawn(await chart(name, "source=150"));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.count === null)).toBe(true);
    }
    // The Americas select the US and Brazil: Peru's 2,194 from Brazil and 300 from the US, never Peru's total.
    const americas = drawn(await chart("timeline", "source=019&target=PE"));
    expect(americas.map((mark) => mark.count).sort()).toEqual([2_194, 300].sort());
  });

  it("the CSV of displayed rows holds the same scoped observations", async () => {
    const byTarget = await csv("by-target", "source=US");
    expect(byTarget.map((row) => row.display_value)).not.toContain("> 40,000,000");
    expect(byTarget.every((row) => row.scope_type === "country" && row.source_code === "US")).toBe(true);
    expect(byTarget.find((row) => row.target_country === "EC")).toMatchObject({ count: "", display_value: "named, no figure" });
    const timeline = await csv("timeline", "source=US");
    expect(timeline.every((row) => row.source_code === "US")).toBe(true);
    expect(timeline.map((row) => row.display_value).sort()).toEqual(["> 300", "named, no figure"]);
  });

  it("without a source filter, the charts still draw the headline totals", async () => {
    const rows = drawn(await chart("by-target", "target=EC"));
    expect(rows[0]).toMatchObject({ count: 40_000_000, source: null, context: null });
    const timeline = drawn(await chart("timeline", "target=EC"));
    expect(timeline[0]).toMatchObject({ count: 40_000_000, source: null });
  });
});

describe("the timeline counts only figures it can draw", () => {
  it("keeps the open-ended founding claim under a from-date after its start", async () => {
    const body = await chart("timeline", "target=EC&from=2019-05-01");
    expect(body.data.series).toEqual([expect.objectContaining({ code: "EC", figures: 1 })]);
    expect(drawn(body)).toEqual([expect.objectContaining({ count: 40_000_000 })]);
  });

  it("leaves out a daily figure before the from-date, though its report's period is in view", async () => {
    await addReport(t.db, {
      target: "CL",
      periodStart: "2021-01-01",
      periodEnd: "2021-12-31",
      statedOn: "2022-01-05",
      observations: [
        { count: 5_000 },
        { count: 40, periodStart: "2021-01-02", periodEnd: "2021-01-02" },
        { count: 45, periodStart: "2021-09-02", periodEnd: "2021-09-02" },
      ],
    });
    const body = await chart("timeline", "target=CL&from=2021-06-01");
    expect(drawn(body).map((mark) => mark.count).sort((a, b) => a! - b!)).toEqual([45, 5_000]);
    expect(body.data.series).toEqual([expect.objectContaining({ code: "CL", figures: 2 })]);
  });
});
