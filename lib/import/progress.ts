// Import progress lives in the database, so any app instance can answer
// "how far is it?" while another one runs the import.
import type { Prisma } from "../generated/sqlite/client";
import type { Db } from "../db/client";
import type { RowError } from "./columns";

export const STORED_ERRORS = 1000;

/**
 * Errors as they can be stored: they quote the file (a column's name, a
 * cell's value), and PostgreSQL keeps no NUL in text or JSON, so a file with
 * one failed its own progress update (a 500). NUL becomes U+FFFD (the answer
 * itself keeps the text as read).
 */
export function storableErrors(errors: readonly RowError[]): RowError[] {
  const clean = (text: string) => text.replace(/\u0000/g, "\uFFFD");
  return errors.map((e) => ({ row: e.row, column: clean(e.column), message: clean(e.message) }));
}

export type ImportStatus = "reading" | "writing" | "done" | "failed";

export interface ImportSummary {
  rows: number;
  observations: number;
  reports: { created: number; updated: number; unchanged: number };
}

export interface ImportJobJson {
  id: string;
  status: ImportStatus;
  dryRun: boolean;
  fileName: string | null;
  user: string | null;
  bytesTotal: number | null;
  bytesRead: number;
  rowsRead: number;
  errorCount: number;
  errors: RowError[];
  summary: ImportSummary | null;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
}

type Row = Prisma.ImportJobGetPayload<object>;

export function importJobJson(row: Row): ImportJobJson {
  return {
    id: row.id,
    status: row.status as ImportStatus,
    dryRun: row.dryRun,
    fileName: row.fileName,
    user: row.userEmail,
    bytesTotal: row.bytesTotal,
    bytesRead: row.bytesRead,
    rowsRead: row.rowsRead,
    errorCount: row.errorCount,
    errors: (row.errors as RowError[] | null) ?? [],
    summary: (row.summary as ImportSummary | null) ?? null,
    message: row.message,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function getImportJob(db: Db, id: string): Promise<ImportJobJson | null> {
  const row = await db.importJob.findUnique({ where: { id } });
  return row ? importJobJson(row) : null;
}

export async function recentImportJobs(db: Db, limit = 10): Promise<ImportJobJson[]> {
  return (await db.importJob.findMany({ orderBy: { createdAt: "desc" }, take: limit })).map(importJobJson);
}
