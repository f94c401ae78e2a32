// Report JSON for many reports at once, in four plain queries (reports,
// observations, speakers, citations) instead of an ORM's nested loading. Used
// where many reports are read: exports and the dashboard's sources panel.
import { Prisma } from "../generated/sqlite/client";
import type { Db } from "../db/client";
import type { CitationKind, Metric, OutletKind, Qualifier, ReportStatus, ScopeType, SpeakerSubject } from "../domain";
import type { ReportJson } from "./types";

export type Row = Record<string, unknown>;
/** Runs one query and returns its rows. */
export type Run = (query: Prisma.Sql) => Promise<Row[]>;

/** Reports per query: under SQLite's limit on bound parameters. */
export const REPORT_BATCH = 500;

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());

function group(rows: Row[], key: string): Map<number, Row[]> {
  const map = new Map<number, Row[]>();
  for (const row of rows) {
    const id = Number(row[key]);
    const list = map.get(id);
    if (list) list.push(row);
    else map.set(id, [row]);
  }
  return map;
}

/** The reports with these ids, in the order given (missing ids are skipped). */
export async function loadReports(run: Run, ids: number[]): Promise<ReportJson[]> {
  const list = Prisma.join(ids);
  const [reports, observations, speakers, citations] = [
    await run(Prisma.sql`SELECT * FROM "Report" r WHERE r."id" IN (${list})`),
    await run(Prisma.sql`SELECT o."id", o."reportId", o."count", o."qualifier", o."periodStart", o."periodEnd", o."scopeType", o."scopeCode", o."note"
                           FROM "Observation" o WHERE o."reportId" IN (${list}) ORDER BY o."position", o."id"`),
    await run(Prisma.sql`SELECT rs."reportId", rs."subject", rs."quote", s."id", s."name", s."role", s."organisation", s."countryCode"
                           FROM "ReportSpeaker" rs JOIN "Speaker" s ON s."id" = rs."speakerId" WHERE rs."reportId" IN (${list}) ORDER BY rs."position", s."id"`),
    await run(Prisma.sql`SELECT c."id", c."reportId", c."kind", c."url", c."title", c."publishedOn", c."accessedOn", c."takenFromId",
                                ou."id" AS "outletId", ou."name" AS "outletName", ou."kind" AS "outletKind", ou."homepage" AS "outletHomepage", ou."countryCode" AS "outletCountry"
                           FROM "Citation" c JOIN "Outlet" ou ON ou."id" = c."outletId" WHERE c."reportId" IN (${list}) ORDER BY c."position", c."id"`),
  ];
  const obsBy = group(observations, "reportId");
  const speakersBy = group(speakers, "reportId");
  const citationsBy = group(citations, "reportId");
  const byId = new Map(reports.map((r) => [Number(r.id), r]));
  return ids.flatMap((id): ReportJson[] => {
    const r = byId.get(id);
    if (!r) return [];
    const cites = citationsBy.get(id) ?? [];
    const index = new Map(cites.map((c, i) => [Number(c.id), i]));
    return [
      {
        id,
        targetCountry: String(r.targetCountryCode),
        metric: r.metric as Metric,
        periodStart: String(r.periodStart),
        periodEnd: str(r.periodEnd),
        periodLabel: str(r.periodLabel),
        periodEventId: num(r.periodEventId),
        statedOn: str(r.statedOn),
        quote: str(r.quote),
        notes: str(r.notes),
        status: r.status as ReportStatus,
        retractionReason: str(r.retractionReason),
        synthetic: Boolean(Number(r.synthetic)),
        version: Number(r.version),
        createdAt: iso(r.createdAt),
        updatedAt: iso(r.updatedAt),
        speakers: (speakersBy.get(id) ?? []).map((s) => ({
          id: Number(s.id),
          name: str(s.name),
          role: str(s.role),
          organisation: str(s.organisation),
          country: str(s.countryCode),
          subject: s.subject as SpeakerSubject,
          quote: str(s.quote),
        })),
        citations: cites.map((c) => ({
          id: Number(c.id),
          outlet: {
            id: Number(c.outletId),
            name: String(c.outletName),
            kind: c.outletKind as OutletKind,
            homepage: str(c.outletHomepage),
            country: str(c.outletCountry),
          },
          kind: c.kind as CitationKind,
          url: str(c.url),
          title: str(c.title),
          publishedOn: str(c.publishedOn),
          accessedOn: str(c.accessedOn),
          takenFrom: c.takenFromId === null ? null : (index.get(Number(c.takenFromId)) ?? null),
        })),
        observations: (obsBy.get(id) ?? []).map((o) => ({
          id: Number(o.id),
          count: num(o.count),
          qualifier: o.qualifier as Qualifier,
          periodStart: String(o.periodStart),
          periodEnd: str(o.periodEnd),
          scope: { type: o.scopeType as ScopeType, code: (o.scopeCode as string) || null },
          note: str(o.note),
        })),
      },
    ];
  });
}

/** The given reports, in the order of the ids given. */
export async function reportsById(db: Db, ids: readonly number[]): Promise<ReportJson[]> {
  const run: Run = (query) => db.$queryRaw<Row[]>(query);
  const result: ReportJson[] = [];
  for (let i = 0; i < ids.length; i += REPORT_BATCH) result.push(...(await loadReports(run, ids.slice(i, i + REPORT_BATCH))));
  return result;
}
