// Reports as a client sends them, built from what the API returns.
import type { ReportJson } from "@/lib/reports/types";

/** The read JSON with every id removed: speakers and outlets given whole. */
export function withoutIds(report: ReportJson): Record<string, unknown> {
  const { id: _id, ...rest } = report;
  return {
    ...rest,
    speakers: report.speakers.map(({ id: _s, ...speaker }) => speaker),
    citations: report.citations.map(({ id: _c, outlet: { id: _o, ...outlet }, ...citation }) => ({ ...citation, outlet })),
    observations: report.observations.map(({ id: _o, ...observation }) => observation),
  };
}

/** The read JSON without its own ids, speakers and outlets still referenced by id. */
export function withReferences(report: ReportJson): Record<string, unknown> {
  const { id: _id, ...rest } = report;
  return {
    ...rest,
    citations: report.citations.map(({ id: _c, ...citation }) => citation),
    observations: report.observations.map(({ id: _o, ...observation }) => observation),
  };
}

/** What must survive a round trip: everything but ids, versions and timestamps. */
export function content(report: ReportJson) {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...rest } = report;
  return {
    ...rest,
    citations: report.citations.map(({ id: _i, ...citation }) => citation),
    observations: report.observations.map(({ id: _i, ...observation }) => observation),
  };
}

/** A small valid report, to vary in tests. */
export function minimalReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    targetCountry: "PE",
    metric: "cyberattacks",
    periodStart: "2020-01-01",
    periodEnd: "2020-12-31",
    statedOn: "2021-01-15",
    status: "published",
    speakers: [{ name: "Ana Torres", role: "Minister of Defence", country: "PE", subject: "figure" }],
    citations: [{ outlet: { name: "Agencia Andina", kind: "government" }, kind: "press_release", url: "https://andina.example/nota/1" }],
    observations: [{ count: 1200, qualifier: "approximately", scope: { type: "all" } }],
    ...overrides,
  };
}
