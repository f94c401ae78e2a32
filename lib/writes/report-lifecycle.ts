// Deleting (recoverably), retracting and restoring reports.
import { syncObservationFacts } from "../reports/facts";
import { ApiError } from "../api/errors";
import { changesFromJson, diff, recordAudit, type Actor } from "../audit/record";
import { writeTransaction, type Tx } from "../db/transaction";
import { reportInputFromJson, reportState } from "../reports/to-input";
import type { ReportJson } from "../reports/types";
import { reasonBodySchema, restoreBodySchema } from "../schemas/actions";
import { reportInputSchema } from "../schemas/report";
import { conflictError } from "./conflict";
import { loadReports } from "./report-store";
import { applyReportUpdate } from "./reports";
import { authorise, parseInput, runWrite, type WriteResult } from "./result";

async function lockedReport(tx: Tx, id: number) {
  const row = await tx.report.findUnique({ where: { id }, select: { version: true, deletedAt: true, status: true } });
  if (!row) throw new ApiError("not_found", `Report ${id} was not found`);
  return row;
}

/** The version check on a row update: zero rows means someone else got there first. */
async function bump(tx: Tx, id: number, version: number, data: Record<string, unknown>, deleted: boolean) {
  const result = await tx.report.updateMany({
    where: { id, version, deletedAt: deleted ? { not: null } : null },
    data: { ...data, version: { increment: 1 } },
  });
  if (result.count === 0) {
    const now = await tx.report.findUnique({ where: { id }, select: { version: true } });
    throw await conflictError(tx, "report", id, `Report ${id}`, version, now?.version ?? version);
  }
  // Status and deletion are facts on the report's observations too.
  await syncObservationFacts(tx, [id]);
}

async function reportAfter(tx: Tx, id: number): Promise<ReportJson> {
  return (await loadReports(tx, [id])).get(id)!;
}

export interface DeletedReport {
  id: number;
  version: number;
  deletedAt: string;
  deletionReason: string;
}

/** Soft delete: hidden everywhere, kept in full, restorable. */
export async function deleteReport(actor: Actor | null, id: number, body: unknown): Promise<WriteResult<DeletedReport>> {
  return runWrite(async () => {
    const who = authorise(actor);
    const { reason, version } = parseInput(reasonBodySchema, body, "request");
    return writeTransaction(async (tx) => {
      const row = await lockedReport(tx, id);
      if (row.deletedAt) throw new ApiError("conflict", `Report ${id} is already deleted`);
      if (version !== undefined && version !== row.version) throw await conflictError(tx, "report", id, `Report ${id}`, version, row.version);
      const deletedAt = new Date();
      await bump(tx, id, row.version, { deletedAt, deletionReason: reason }, false);
      const after = await reportAfter(tx, id);
      await recordAudit(tx, who, {
        action: "delete",
        entityType: "report",
        entityId: id,
        version: after.version,
        reason,
        changes: { deleted: { before: false, after: true } },
        snapshot: after,
      });
      return { id, version: after.version, deletedAt: deletedAt.toISOString(), deletionReason: reason };
    });
  });
}

/** A retracted report stays public, marked retracted, with the reason. */
export async function retractReport(actor: Actor | null, id: number, body: unknown): Promise<WriteResult<ReportJson>> {
  return runWrite(async () => {
    const who = authorise(actor);
    const { reason, version } = parseInput(reasonBodySchema, body, "request");
    return writeTransaction(async (tx) => {
      const row = await lockedReport(tx, id);
      if (row.deletedAt) throw new ApiError("not_found", `Report ${id} was deleted: restore it before retracting it`);
      if (row.status === "retracted") throw new ApiError("conflict", `Report ${id} is already retracted`);
      if (version !== undefined && version !== row.version) throw await conflictError(tx, "report", id, `Report ${id}`, version, row.version);
      const before = await reportAfter(tx, id);
      await bump(tx, id, row.version, { status: "retracted", retractionReason: reason, retractedAt: new Date() }, false);
      const after = await reportAfter(tx, id);
      await recordAudit(tx, who, {
        action: "retract",
        entityType: "report",
        entityId: id,
        version: after.version,
        reason,
        changes: diff(reportState(before), reportState(after)),
        snapshot: after,
      });
      return after;
    });
  });
}

/**
 * The report as it was at `version`: its own snapshot, or the next version's
 * snapshot with the changed fields put back (reports that existed before the
 * audit history, such as the seeded one, have no snapshot of version 1).
 */
async function reportAtVersion(tx: Tx, id: number, version: number): Promise<ReportJson | null> {
  const own = await tx.auditEntry.findFirst({ where: { entityType: "report", entityId: String(id), version }, orderBy: { id: "desc" } });
  if (own?.snapshot) return own.snapshot as unknown as ReportJson;
  const next = await tx.auditEntry.findFirst({ where: { entityType: "report", entityId: String(id), version: version + 1 }, orderBy: { id: "asc" } });
  if (!next?.snapshot) return null;
  const rebuilt: Record<string, unknown> = { ...(next.snapshot as Record<string, unknown>) };
  for (const [field, change] of Object.entries(changesFromJson(next.changes))) {
    if (field in rebuilt) rebuilt[field] = change.before;
  }
  return { ...(rebuilt as unknown as ReportJson), version };
}

/**
 * Without `toVersion`: brings a deleted report back. With it: makes an earlier
 * version's content current again, as a new version (nothing is rewritten in
 * the history). Both are recorded as "restore".
 */
export async function restoreReport(actor: Actor | null, id: number, body: unknown): Promise<WriteResult<ReportJson>> {
  return runWrite(async () => {
    const who = authorise(actor);
    const { reason, toVersion, version } = parseInput(restoreBodySchema, body ?? {}, "request");
    return writeTransaction(async (tx) => {
      const row = await lockedReport(tx, id);
      if (toVersion === undefined) {
        if (!row.deletedAt) throw new ApiError("conflict", `Report ${id} is not deleted. To bring back an earlier version, send toVersion.`);
        if (version !== undefined && version !== row.version) throw await conflictError(tx, "report", id, `Report ${id}`, version, row.version);
        await bump(tx, id, row.version, { deletedAt: null, deletionReason: null }, true);
        const after = await reportAfter(tx, id);
        await recordAudit(tx, who, {
          action: "restore",
          entityType: "report",
          entityId: id,
          version: after.version,
          reason: reason ?? null,
          changes: { deleted: { before: true, after: false } },
          snapshot: after,
        });
        return after;
      }
      if (row.deletedAt) throw new ApiError("conflict", `Report ${id} is deleted: restore the report itself first (without toVersion)`);
      if (toVersion >= row.version) throw new ApiError("validation_failed", `toVersion must be an earlier version than the current one (${row.version})`, [{ path: "toVersion", message: `must be below ${row.version}` }]);
      const earlier = await reportAtVersion(tx, id, toVersion);
      if (!earlier) throw new ApiError("not_found", `Report ${id} has no recorded version ${toVersion}`);
      // The same speakers and outlets, as they are now: restoring content must not rewrite who they are.
      const draft = reportInputFromJson(earlier);
      draft.speakers = draft.speakers.map(({ id: speakerId, subject, quote }) => ({ id: speakerId, subject, quote }));
      draft.citations = draft.citations.map((c) => ({ ...c, outlet: { id: c.outlet.id } }));
      const input = parseInput(reportInputSchema, draft, `version ${toVersion} of the report`);
      const outcome = await applyReportUpdate(tx, who, id, version!, input, {
        action: "restore",
        reason: reason ? `Restored version ${toVersion}: ${reason}` : `Restored version ${toVersion}`,
      });
      return outcome.report;
    });
  });
}
