// Builds reports for tests straight through Prisma, with only the fields a test cares about.
import type { Db } from "@/lib/db/client";
import type { Qualifier } from "@/lib/domain";
import { syncObservationFacts } from "@/lib/reports/facts";

export interface ObservationSpec {
  count: number | null;
  qualifier?: Qualifier;
  scope?: { type: "all" } | { type: "country"; code: string } | { type: "region"; code: string };
  periodStart?: string;
  periodEnd?: string | null;
  note?: string;
}

export interface ReportSpec {
  target: string;
  periodStart: string;
  periodEnd?: string | null;
  statedOn?: string | null;
  status?: "draft" | "published" | "retracted";
  metric?: string;
  quote?: string | null;
  notes?: string | null;
  organisation?: string;
  outlet?: string;
  observations: ObservationSpec[];
}

export async function addReport(db: Db, spec: ReportSpec) {
  const periodEnd = spec.periodEnd ?? null;
  const report = await db.report.create({
    data: {
      targetCountryCode: spec.target,
      metric: spec.metric ?? "cyberattacks",
      periodStart: spec.periodStart,
      periodEnd,
      statedOn: spec.statedOn ?? null,
      status: spec.status ?? "published",
      retractionReason: spec.status === "retracted" ? "Withdrawn by the ministry" : null,
      quote: spec.quote ?? null,
      notes: spec.notes ?? null,
      observations: {
        create: spec.observations.map((o, position) => ({
          count: o.count === null ? null : BigInt(o.count),
          qualifier: o.count === null ? null : (o.qualifier ?? "exact"),
          periodStart: o.periodStart ?? spec.periodStart,
          periodEnd: o.periodEnd === undefined ? periodEnd : o.periodEnd,
          scopeType: o.scope?.type ?? "all",
          scopeCountryCode: o.scope?.type === "country" ? o.scope.code : null,
          scopeRegionCode: o.scope?.type === "region" ? o.scope.code : null,
          note: o.note ?? null,
          position,
        })),
      },
    },
  });
  await syncObservationFacts(db, [report.id]);
  if (spec.organisation) {
    const speaker = await db.speaker.create({ data: { name: `Speaker of ${report.id}`, role: "Minister", organisation: spec.organisation } });
    await db.reportSpeaker.create({ data: { reportId: report.id, speakerId: speaker.id } });
  }
  if (spec.outlet) {
    const outlet = await db.outlet.upsert({ where: { name: spec.outlet }, update: {}, create: { name: spec.outlet } });
    await db.citation.create({ data: { reportId: report.id, outletId: outlet.id, kind: "article", url: `https://example.org/${report.id}` } });
  }
  return report;
}
