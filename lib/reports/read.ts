// Reads of reports as plain JSON-ready objects. The only place that turns
// database rows into the API's Report shape.
import { Prisma } from "../generated/sqlite/client";
import type { Db } from "../db/client";
import type { CitationKind, Metric, OutletKind, Qualifier, ReportStatus, ScopeType, SpeakerSubject } from "../domain";
import { encodeCursor, type ReportListQuery } from "../schemas/report-query";
import { reportFilterSql } from "../dashboard/sql";
import type { ReportJson } from "./types";

export const reportInclude = {
  speakers: { include: { speaker: true }, orderBy: { position: "asc" } },
  citations: { include: { outlet: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
  observations: { orderBy: [{ position: "asc" }, { id: "asc" }] },
} satisfies Prisma.ReportInclude;

export type ReportRow = Prisma.ReportGetPayload<{ include: typeof reportInclude }>;

export function toReportJson(row: ReportRow): ReportJson {
  const citationIndex = new Map(row.citations.map((citation, index) => [citation.id, index]));
  return {
    id: row.id,
    targetCountry: row.targetCountryCode,
    metric: row.metric as Metric,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    periodLabel: row.periodLabel,
    periodEventId: row.periodEventId,
    statedOn: row.statedOn,
    quote: row.quote,
    notes: row.notes,
    status: row.status as ReportStatus,
    retractionReason: row.retractionReason,
    synthetic: row.synthetic,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    speakers: row.speakers.map(({ speaker, subject, quote }) => ({
      id: speaker.id,
      name: speaker.name,
      role: speaker.role,
      organisation: speaker.organisation,
      country: speaker.countryCode,
      subject: subject as SpeakerSubject,
      quote,
    })),
    citations: row.citations.map((citation) => ({
      id: citation.id,
      outlet: {
        id: citation.outlet.id,
        name: citation.outlet.name,
        kind: citation.outlet.kind as OutletKind,
        homepage: citation.outlet.homepage,
        country: citation.outlet.countryCode,
      },
      kind: citation.kind as CitationKind,
      url: citation.url,
      title: citation.title,
      publishedOn: citation.publishedOn,
      accessedOn: citation.accessedOn,
      takenFrom: citation.takenFromId === null ? null : (citationIndex.get(citation.takenFromId) ?? null),
    })),
    observations: row.observations.map((observation) => ({
      id: observation.id,
      count: observation.count === null ? null : Number(observation.count),
      qualifier: observation.qualifier as Qualifier,
      periodStart: observation.periodStart,
      periodEnd: observation.periodEnd,
      scope: {
        type: observation.scopeType as ScopeType,
        code: observation.scopeCountryCode ?? observation.scopeRegionCode ?? null,
      },
      note: observation.note,
    })),
  };
}

export interface ReportPage {
  data: ReportJson[];
  nextCursor: string | null;
}

/** Newest first (by id). The cursor is opaque to callers. */
export async function listReports(db: Db, query: ReportListQuery): Promise<ReportPage> {
  const after = query.cursor === undefined ? Prisma.empty : Prisma.sql` AND r."id" < ${query.cursor}`;
  const idRows = await db.$queryRaw<Array<{ id: number | bigint }>>`
    SELECT r."id" AS id FROM "Report" r
     WHERE ${reportFilterSql(query)}${after}
     ORDER BY r."id" DESC
     LIMIT ${query.limit + 1}`;
  const ids = idRows.map((row) => Number(row.id));
  const pageIds = ids.slice(0, query.limit);
  const rows = await db.report.findMany({ where: { id: { in: pageIds } }, include: reportInclude, orderBy: { id: "desc" } });
  const nextCursor = ids.length > query.limit ? encodeCursor(pageIds[pageIds.length - 1]) : null;
  return { data: rows.map(toReportJson), nextCursor };
}

/**
 * A report that has not been deleted; null when there is none. `statuses`
 * limits what the viewer may see (visibleStatuses in lib/auth/viewer.ts:
 * drafts only for signed-in readers); without it, any status.
 */
export async function getReport(db: Db, id: number, options: { statuses?: readonly ReportStatus[] } = {}): Promise<ReportJson | null> {
  const row = await db.report.findFirst({
    where: { id, deletedAt: null, ...(options.statuses ? { status: { in: [...options.statuses] } } : {}) },
    include: reportInclude,
  });
  return row ? toReportJson(row) : null;
}
