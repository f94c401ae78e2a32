// The admin's list of reports: every status, deleted ones on their own tab.
import type { Prisma } from "../generated/sqlite/client";
import type { Db } from "../db/client";
import { REPORT_STATUSES, type Metric, type Qualifier, type ReportStatus } from "../domain";

export const ADMIN_TABS = ["all", ...REPORT_STATUSES, "deleted"] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export interface AdminReportRow {
  id: number;
  targetCountry: string;
  metric: Metric;
  /** The all-sources figure, if the report has one. */
  headline: { count: number | null; qualifier: Qualifier } | null;
  observations: number;
  periodStart: string;
  periodEnd: string | null;
  statedOn: string | null;
  status: ReportStatus;
  synthetic: boolean;
  version: number;
  updatedAt: string;
  deletedAt: string | null;
  deletionReason: string | null;
}

export interface AdminReportPage {
  rows: AdminReportRow[];
  total: number;
  page: number;
  pages: number;
}

export const PAGE_SIZE = 50;

export async function listAdminReports(db: Db, options: { tab: AdminTab; page: number; target?: string }): Promise<AdminReportPage> {
  const where: Prisma.ReportWhereInput = {
    ...(options.tab === "deleted" ? { deletedAt: { not: null } } : { deletedAt: null }),
    ...(options.tab !== "all" && options.tab !== "deleted" ? { status: options.tab } : {}),
    ...(options.target ? { targetCountryCode: options.target } : {}),
  };
  const total = await db.report.count({ where });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pages);
  const rows = await db.report.findMany({
    where,
    orderBy: options.tab === "deleted" ? { deletedAt: "desc" } : { updatedAt: "desc" },
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    include: {
      observations: { where: { scopeType: "all" }, orderBy: { position: "asc" }, take: 1 },
      _count: { select: { observations: true } },
    },
  });
  return {
    total,
    page,
    pages,
    rows: rows.map((row) => ({
      id: row.id,
      targetCountry: row.targetCountryCode,
      metric: row.metric as Metric,
      headline: row.observations[0]
        ? { count: row.observations[0].count === null ? null : Number(row.observations[0].count), qualifier: row.observations[0].qualifier as Qualifier }
        : null,
      observations: row._count.observations,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      statedOn: row.statedOn,
      status: row.status as ReportStatus,
      synthetic: row.synthetic,
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
      deletedAt: row.deletedAt?.toISOString() ?? null,
      deletionReason: row.deletionReason,
    })),
  };
}

/** A report for the edit form, deleted or not (a deleted one is shown with its restore button). */
export async function reportDeletion(db: Db, id: number): Promise<{ deletedAt: string | null; deletionReason: string | null } | null> {
  const row = await db.report.findUnique({ where: { id }, select: { deletedAt: true, deletionReason: true } });
  return row ? { deletedAt: row.deletedAt?.toISOString() ?? null, deletionReason: row.deletionReason } : null;
}
