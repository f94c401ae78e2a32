// Read JSON → write input: what the API returns can be sent back. Report,
// citation and observation ids go; speakers and outlets stay referenced by id
// (with their details, which the write checks against the stored ones).
import type { ReportInputDraft } from "../schemas/report";
import type { ReportJson } from "./types";

export function reportInputFromJson(report: ReportJson): ReportInputDraft {
  return {
    targetCountry: report.targetCountry,
    metric: report.metric,
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    periodLabel: report.periodLabel,
    periodEventId: report.periodEventId,
    statedOn: report.statedOn,
    quote: report.quote,
    notes: report.notes,
    status: report.status,
    retractionReason: report.retractionReason,
    synthetic: report.synthetic,
    speakers: report.speakers.map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role,
      organisation: s.organisation,
      country: s.country,
      subject: s.subject,
      quote: s.quote,
    })),
    citations: report.citations.map((c) => ({
      outlet: { id: c.outlet.id, name: c.outlet.name, kind: c.outlet.kind, homepage: c.outlet.homepage, country: c.outlet.country },
      kind: c.kind,
      url: c.url,
      title: c.title,
      publishedOn: c.publishedOn,
      accessedOn: c.accessedOn,
      takenFrom: c.takenFrom,
    })),
    observations: report.observations.map((o) => ({
      count: o.count,
      qualifier: o.qualifier,
      periodStart: o.periodStart,
      periodEnd: o.periodEnd,
      scope: { type: o.scope.type, code: o.scope.code },
      note: o.note,
    })),
  };
}

/**
 * The report's content as the audit compares it: the write input plus status
 * bookkeeping, without ids and timestamps that change on every write.
 */
export function reportState(report: ReportJson): Record<string, unknown> {
  return { ...reportInputFromJson(report) };
}
