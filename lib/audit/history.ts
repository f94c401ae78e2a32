// Reading the audit record: a report's history for its page, and the filtered
// list for /admin/audit. Plain, serialisable objects.
import type { Prisma } from "../generated/sqlite/client";
import type { Db } from "../db/client";
import { changesFromJson, type AuditAction, type AuditEntity, type Changes } from "./record";

export interface HistoryChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  id: number;
  at: string;
  action: AuditAction;
  entityType: AuditEntity;
  entityId: string;
  /** The version this change produced (reports, speakers, outlets, events). */
  version: number | null;
  /** Who: their email when actors are shown, else their role ("an admin"). */
  by: string;
  via: string;
  reason: string | null;
  changes: HistoryChange[];
  importId: string | null;
  /** A report's earlier versions can be restored from entries that have a snapshot. */
  hasSnapshot: boolean;
}

type Row = Prisma.AuditEntryGetPayload<object>;

function actorLabel(row: Row, showActors: boolean): string {
  if (row.via === "cli") return "the command line";
  if (showActors) return row.actorEmail ?? "a removed user";
  return row.actorRole === "admin" ? "an admin" : row.actorRole ? `an ${row.actorRole}` : "someone";
}

function toEntry(row: Row, showActors: boolean): HistoryEntry {
  const changes = changesFromJson(row.changes);
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action as AuditAction,
    entityType: row.entityType as AuditEntity,
    entityId: row.entityId,
    version: row.version,
    by: actorLabel(row, showActors),
    via: row.via,
    reason: row.reason,
    changes: Object.entries(changes).map(([field, change]) => ({ field, before: change.before, after: change.after })),
    importId: row.importId,
    hasSnapshot: row.snapshot !== null,
  };
}

const PUBLIC_STATUSES = new Set(["published", "retracted"]);

/** The report's status after an entry: from its snapshot, else from a status change, else unchanged. */
function statusAfter(row: Row, changes: Changes, before: string | null): string | null {
  const snapshot = row.snapshot as { status?: unknown } | null;
  if (snapshot && typeof snapshot === "object" && typeof snapshot.status === "string") return snapshot.status;
  if (changes.status && typeof changes.status.after === "string") return changes.status.after;
  return before;
}

/**
 * What an anonymous reader may see of a report's history: changes made while
 * it was public, and the entries that made it public — those only as "its
 * status became published", since their other "before" values are the
 * draft's (an internal note, a figure not yet checked). Work done while it
 * was a draft is left out, as the draft itself is.
 */
function publicEntries(rows: Row[]): Row[] {
  const shown: Row[] = [];
  let status: string | null = null;
  for (const row of rows) {
    const changes = changesFromJson(row.changes);
    const wasPublic = status !== null && PUBLIC_STATUSES.has(status);
    status = statusAfter(row, changes, status);
    if (wasPublic) shown.push(row);
    else if (status !== null && PUBLIC_STATUSES.has(status)) {
      const kept = changes.status ? { status: changes.status } : {};
      shown.push({ ...row, changes: Object.entries(kept).map(([field, change]) => ({ field, ...change })) as Row["changes"] });
    }
  }
  return shown;
}

/**
 * Everything that happened to one report, oldest first. For anonymous readers
 * (`signedIn: false`) roles stand in for people's email addresses and the
 * history starts when the report was first made public (see publicEntries).
 */
export async function reportHistory(db: Db, reportId: number, options: { signedIn?: boolean } = {}): Promise<HistoryEntry[]> {
  const signedIn = options.signedIn ?? false;
  const rows = await db.auditEntry.findMany({
    where: { entityType: "report", entityId: String(reportId) },
    orderBy: { id: "asc" },
    take: 1000,
  });
  return (signedIn ? rows : publicEntries(rows)).map((row) => toEntry(row, signedIn));
}

export interface AuditFilters {
  action?: AuditAction;
  entityType?: AuditEntity;
  entityId?: string;
  actor?: string;
  importId?: string;
  from?: string;
  to?: string;
  /** Entries older than this id (paging, newest first). */
  before?: number;
  limit?: number;
}

export interface AuditPage {
  entries: HistoryEntry[];
  nextBefore: number | null;
}

export async function listAudit(db: Db, filters: AuditFilters = {}): Promise<AuditPage> {
  const limit = Math.min(filters.limit ?? 50, 200);
  const where: Prisma.AuditEntryWhereInput = {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.actor ? { actorEmail: { contains: filters.actor } } : {}),
    ...(filters.importId ? { importId: filters.importId } : {}),
    ...(filters.before ? { id: { lt: filters.before } } : {}),
    ...(filters.from || filters.to
      ? {
          at: {
            ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
            ...(filters.to ? { lt: new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 24 * 60 * 60 * 1000) } : {}),
          },
        }
      : {}),
  };
  const rows = await db.auditEntry.findMany({ where, orderBy: { id: "desc" }, take: limit + 1 });
  const page = rows.slice(0, limit);
  return { entries: page.map((row) => toEntry(row, true)), nextBefore: rows.length > limit ? page[page.length - 1].id : null };
}
