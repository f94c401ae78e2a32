// The read API on a real, freshly seeded SQLite file, through the app's own route handlers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/reports/route";
import { GET as reportRoute } from "@/app/api/v1/reports/[id]/route";
import { GET as healthRoute } from "@/app/api/health/route";
import { GET as unknownRoute } from "@/app/api/[...path]/route";
import type { ReportJson } from "@/lib/reports/types";
import type { ReportPage } from "@/lib/reports/read";
import { citationChains, chainText } from "@/lib/reports/provenance";
import { resetPrisma } from "@/lib/db/client";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { body, get, routeParams, type ErrorBody } from "../helpers/http";
import { apiRequest, bearer, makeUser, tokenFor } from "../helpers/auth";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.cleanup());

async function list(query = ""): Promise<ReportPage> {
  const response = await listRoute(get(`/api/v1/reports${query}`), undefined);
  expect(response.status).toBe(200);
  return body<ReportPage>(response);
}

async function listError(query: string): Promise<ErrorBody> {
  const response = await listRoute(get(`/api/v1/reports${query}`), undefined);
  expect(response.status).toBe(400);
  return body<ErrorBody>(response);
}

/** Adds a plain report straight through Prisma, as a later admin form would. */
async function addReport(data: { target: string; periodStart: string; periodEnd?: string | null; status?: string; statedOn?: string; count?: bigint }) {
  return t.db.report.create({
    data: {
      targetCountryCode: data.target,
      periodStart: data.periodStart,
      periodEnd: data.periodEnd ?? null,
      statedOn: data.statedOn ?? null,
      status: data.status ?? "published",
      observations: {
        create: [{ count: data.count ?? 100n, qualifier: "exact", periodStart: data.periodStart, periodEnd: data.periodEnd ?? null }],
      },
    },
  });
}

describe("GET /api/health", () => {
  it("names the database and says it is reachable", async () => {
    const response = await healthRoute();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: t.provider });
  });

  it("answers 503 when the database cannot be reached", async () => {
    const working = process.env.DATABASE_URL;
    process.env.DATABASE_URL =
      t.provider === "sqlite" ? "file:/nonexistent-folder-for-health-test/db.sqlite" : "postgresql://nobody@127.0.0.1:1/none";
    await resetPrisma();
    try {
      const response = await healthRoute();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", database: t.provider, error: { code: "service_unavailable" } });
    } finally {
      process.env.DATABASE_URL = working;
      await resetPrisma();
    }
  });
});

describe("the founding story, as the API returns it", () => {
  let report: ReportJson;
  beforeAll(async () => {
    const page = await list();
    expect(page.data).toHaveLength(1);
    report = page.data[0];
  });

  it("is Ecuador's report of more than 40 million cyberattacks since 11 April 2019, open-ended", () => {
    expect(report).toMatchObject({
      targetCountry: "EC",
      metric: "cyberattacks",
      periodStart: "2019-04-11",
      periodEnd: null,
      periodLabel: "since the arrest of Julian Assange",
      statedOn: null,
      status: "published",
      synthetic: false,
      version: 1,
    });
    const headline = report.observations.filter((o) => o.scope.type === "all");
    expect(headline).toEqual([
      expect.objectContaining({ count: 40_000_000, qualifier: "more_than", periodStart: "2019-04-11", periodEnd: null }),
    ]);
  });

  it("names four sources without a figure: three countries and the region Europe", () => {
    const named = report.observations.filter((o) => o.scope.type !== "all");
    expect(named.map((o) => o.scope)).toEqual([
      { type: "country", code: "US" },
      { type: "region", code: "150" },
      { type: "country", code: "BR" },
      { type: "country", code: "EC" },
    ]);
    expect(named.every((o) => o.count === null)).toBe(true);
  });

  it("carries the chain official → AFP (interview) → The Hill (republished)", () => {
    expect(report.citations.map((c) => [c.outlet.name, c.kind, c.takenFrom])).toEqual([
      ["Agence France-Presse (AFP)", "interview", null],
      ["The Hill", "republished", 0],
    ]);
    expect(citationChains(report.citations).map(chainText)).toEqual([
      "Agence France-Presse (AFP) (interview) → The Hill (republished)",
    ]);
  });

  it("keeps the unnamed deputy minister unnamed and Javier Jara on attribution", () => {
    expect(report.speakers).toEqual([
      expect.objectContaining({
        name: null,
        role: "Deputy Minister for Information and Communication Technologies",
        country: "EC",
        subject: "figure",
      }),
      expect.objectContaining({
        name: "Javier Jara",
        organisation: "Telecommunications ministry",
        subject: "attribution",
        quote: "threats from those groups linked to Julian Assange",
      }),
    ]);
  });

  it("leaves what the text does not say empty: no dates, no links, no verbatim figure quote", () => {
    expect(report.quote).toBeNull();
    for (const citation of report.citations) {
      expect(citation).toMatchObject({ url: null, title: null, publishedOn: null, accessedOn: null });
    }
  });

  it("is the same object from GET /api/v1/reports/{id}", async () => {
    const response = await reportRoute(get(`/api/v1/reports/${report.id}`), routeParams({ id: String(report.id) }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(report);
  });
});

describe("filters", () => {
  it("filter by target country", async () => {
    expect((await list("?target=EC")).data).toHaveLength(1);
    expect((await list("?target=us")).data).toHaveLength(0);
  });

  it("filter by source: a named country, the region itself, or a region that holds the country", async () => {
    expect((await list("?source=US")).data).toHaveLength(1);
    expect((await list("?source=150")).data).toHaveLength(1); // Europe, as stated
    expect((await list("?source=419")).data).toHaveLength(1); // Latin America holds BR and EC
    expect((await list("?source=155")).data).toHaveLength(0); // "European countries" does not say Western Europe
    expect((await list("?source=CN")).data).toHaveLength(0);
  });

  it("filter by period: an open period with no statement date runs on", async () => {
    expect((await list("?from=2024-01-01")).data).toHaveLength(1);
    expect((await list("?to=2019-04-10")).data).toHaveLength(0);
    expect((await list("?from=2019-04-11&to=2019-04-11")).data).toHaveLength(1);
  });

  it("show published reports unless another status is asked for (drafts only to signed-in readers)", async () => {
    await addReport({ target: "FR", periodStart: "2020-01-01", status: "draft" });
    expect((await list()).data.map((r) => r.targetCountry)).toEqual(["EC"]);
    expect((await listRoute(get("/api/v1/reports?status=draft"), undefined)).status).toBe(401);
    const { token } = await tokenFor((await makeUser("analyst")).email);
    const asAnalyst = async (query: string) => body<ReportPage>(await listRoute(apiRequest("GET", `/api/v1/reports${query}`, { headers: bearer(token) }), undefined));
    expect((await asAnalyst("?status=draft")).data.map((r) => r.targetCountry)).toEqual(["FR"]);
    expect((await asAnalyst("?status=draft,published")).data).toHaveLength(2);
  });

  it("end an open period at its statement date when the date is known", async () => {
    await addReport({ target: "DE", periodStart: "2020-01-01", statedOn: "2020-02-01" });
    expect((await list("?target=DE&from=2020-01-15")).data).toHaveLength(1);
    expect((await list("?target=DE&from=2020-03-01")).data).toHaveLength(0);
  });
});

describe("pagination", () => {
  it("walks every report once with nextCursor, newest first", async () => {
    for (let i = 0; i < 5; i++) await addReport({ target: "PE", periodStart: `2021-0${i + 1}-01`, periodEnd: `2021-0${i + 1}-28` });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: ReportPage = await list(`?target=PE&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });
});

describe("large counts", () => {
  it("returns counts in the billions exactly", async () => {
    const created = await addReport({ target: "IN", periodStart: "2022-01-01", periodEnd: "2022-12-31", count: 4_300_000_000n });
    const response = await reportRoute(get(`/api/v1/reports/${created.id}`), routeParams({ id: String(created.id) }));
    const report = await body<ReportJson>(response);
    expect(report.observations[0].count).toBe(4_300_000_000);
  });
});

describe("errors have one shape and a 4xx status", () => {
  it("400 for an unknown country, naming the field", async () => {
    const error = await listError("?target=XX");
    expect(error.error.code).toBe("validation_failed");
    expect(error.error.issues).toEqual([{ path: "target.0", message: "Unknown country code 'XX'" }]);
    expect(error.error.message).toContain("Unknown country code 'XX'");
  });

  it("400 for impossible dates, reversed ranges, bad limits, forged cursors and unknown parameters", async () => {
    expect((await listError("?from=2019-02-30")).error.issues?.[0].path).toBe("from");
    expect((await listError("?from=2020-01-01&to=2019-01-01")).error.issues?.[0].path).toBe("to");
    expect((await listError("?limit=0")).error.issues?.[0].path).toBe("limit");
    expect((await listError("?limit=ten")).error.issues?.[0].path).toBe("limit");
    expect((await listError("?cursor=%00%01")).error.issues?.[0].path).toBe("cursor");
    expect((await listError("?status=deleted")).error.issues?.[0].path).toBe("status.0");
    expect((await listError("?tagret=EC")).error.issues).toEqual([{ path: "", message: "Unknown field: tagret" }]);
  });

  it("404 for an id that does not exist, or a report that was deleted", async () => {
    const missing = await reportRoute(get("/api/v1/reports/999999"), routeParams({ id: "999999" }));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "Report 999999 was not found" } });

    const doomed = await addReport({ target: "CL", periodStart: "2023-01-01" });
    await t.db.report.update({ where: { id: doomed.id }, data: { deletedAt: new Date(), deletionReason: "duplicate" } });
    const deleted = await reportRoute(get(`/api/v1/reports/${doomed.id}`), routeParams({ id: String(doomed.id) }));
    expect(deleted.status).toBe(404);
    expect((await list("?target=CL")).data).toHaveLength(0);
  });

  it("400 for an id that is not a positive whole number", async () => {
    for (const id of ["abc", "0", "-1", "1.5", "99999999999999999999"]) {
      const response = await reportRoute(get(`/api/v1/reports/${id}`), routeParams({ id }));
      expect(response.status).toBe(400);
      expect((await body<ErrorBody>(response)).error.issues).toEqual([{ path: "id", message: "must be a positive whole number" }]);
    }
  });

  it("404 in the same shape for an API path that does not exist", async () => {
    const response = unknownRoute(get("/api/v1/nothing-here"));
    expect(response.status).toBe(404);
    expect((await body<ErrorBody>(response)).error.code).toBe("not_found");
  });
});
