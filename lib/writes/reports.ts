// The write actions on reports. Each one: authorise → validate → one
// transaction that writes the change and its audit record → a typed result.
import { ApiError, type Issue } from "../api/errors";
import { sameValue, diff, recordAudit, type Actor, type AuditAction } from "../audit/record";
import { getPrisma } from "../db/client";
import { writeTransaction, type Tx } from "../db/transaction";
import { reportInputFromJson, reportState } from "../reports/to-input";
import type { ReportJson } from "../reports/types";
import { reportInputSchema, reportPatchSchema, type ReportInput } from "../schemas/report";
import { conflictError } from "./conflict";
import { createReferences, planReferences, type ReferencePlan } from "./references";
import { insertReports, loadReports, replaceChildren, reportColumns, resolveReports, type ResolvedReport } from "./report-store";
import { authorise, parseInput, runWrite, type WriteResult } from "./result";

export function referenceError(issues: Issue[] | undefined): ApiError | null {
  if (!issues?.length) return null;
  const summary = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join("; ");
  return new ApiError("validation_failed", `The report is not valid: ${summary}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ""}`, issues);
}

/** A report's content with speakers and outlets as ids: equal content means nothing to write. */
export function reportContent(input: ReportInput, resolved: Pick<ResolvedReport, "speakerIds" | "outletIds">) {
  return {
    ...reportColumns(input),
    speakers: input.speakers.map((s, i) => [resolved.speakerIds[i], s.subject, s.quote ?? null]),
    citations: input.citations.map((c, i) => [resolved.outletIds[i], c.kind, c.url ?? null, c.title ?? null, c.publishedOn ?? null, c.accessedOn ?? null, c.takenFrom ?? null]),
    observations: input.observations.map((o) => [o.count, o.qualifier, o.periodStart, o.periodEnd, o.scope.type, o.scope.code, o.note ?? null]),
  };
}

/** The stored report's content; null when it breaks today's rules (older data), so it never equals new input. */
export function storedContent(report: ReportJson): ReturnType<typeof reportContent> | null {
  const parsed = reportInputSchema.safeParse(reportInputFromJson(report));
  if (!parsed.success) return null;
  return reportContent(parsed.data, { speakerIds: report.speakers.map((s) => s.id), outletIds: report.citations.map((c) => c.outlet.id) });
}

function hasNewReferences(plan: ReferencePlan): boolean {
  return plan.newSpeakers.size > 0 || plan.newOutlets.size > 0;
}

async function currentReport(tx: Tx, id: number): Promise<{ report: ReportJson; deletedAt: Date | null }> {
  const row = await tx.report.findUnique({ where: { id }, select: { deletedAt: true } });
  if (!row) throw new ApiError("not_found", `Report ${id} was not found`);
  const report = (await loadReports(tx, [id])).get(id)!;
  return { report, deletedAt: row.deletedAt };
}

export async function createReport(actor: Actor | null, body: unknown): Promise<WriteResult<ReportJson>> {
  return runWrite(async () => {
    const who = authorise(actor);
    const input = parseInput(reportInputSchema, body, "report");
    return writeTransaction(async (tx) => {
      const plan = await planReferences(tx, [input]);
      const invalid = referenceError(plan.issues.get(0));
      if (invalid) throw invalid;
      const created = await createReferences(tx, plan, who);
      const [id] = await insertReports(tx, resolveReports([input], plan, created));
      const report = (await loadReports(tx, [id])).get(id)!;
      await recordAudit(tx, who, { action: "create", entityType: "report", entityId: id, version: report.version, changes: {}, snapshot: report });
      return report;
    });
  });
}

interface UpdateOptions {
  action: AuditAction;
  reason?: string | null;
  importId?: string | null;
}

export interface UpdateOutcome {
  report: ReportJson;
  changed: boolean;
}

/**
 * Makes `input` the report's content, if the caller read `expectedVersion`.
 * Unchanged content writes nothing. The version check is part of the UPDATE
 * itself, so two editors racing cannot both win on any database.
 */
export async function applyReportUpdate(tx: Tx, who: Actor, id: number, expectedVersion: number, input: ReportInput, options: UpdateOptions): Promise<UpdateOutcome> {
  const { report: before, deletedAt } = await currentReport(tx, id);
  if (deletedAt) throw new ApiError("not_found", `Report ${id} was deleted: restore it before changing it`);
  if (before.version !== expectedVersion) throw await conflictError(tx, "report", id, `Report ${id}`, expectedVersion, before.version);

  const plan = await planReferences(tx, [input]);
  const invalid = referenceError(plan.issues.get(0));
  if (invalid) throw invalid;
  if (!hasNewReferences(plan)) {
    const ids = resolveReports([input], plan, { speakerIds: new Map(), outletIds: new Map() })[0];
    if (sameValue(reportContent(input, ids), storedContent(before))) return { report: before, changed: false };
  }

  const becomesRetracted = input.status === "retracted" && before.status !== "retracted";
  const updated = await tx.report.updateMany({
    where: { id, version: expectedVersion, deletedAt: null },
    data: {
      ...reportColumns(input),
      ...(becomesRetracted ? { retractedAt: new Date() } : input.status === "retracted" ? {} : { retractedAt: null }),
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) {
    const now = await tx.report.findUnique({ where: { id }, select: { version: true } });
    throw await conflictError(tx, "report", id, `Report ${id}`, expectedVersion, now?.version ?? expectedVersion);
  }

  const created = await createReferences(tx, plan, who, options.importId ?? null);
  const [resolved] = resolveReports([input], plan, created);
  const beforeContent = storedContent(before);
  const afterContent = reportContent(input, resolved);
  await replaceChildren(tx, id, resolved, {
    speakers: !sameValue(beforeContent?.speakers, afterContent.speakers),
    citations: !sameValue(beforeContent?.citations, afterContent.citations),
    observations: !sameValue(beforeContent?.observations, afterContent.observations),
  });
  const after = (await loadReports(tx, [id])).get(id)!;
  await recordAudit(tx, who, {
    action: options.action,
    entityType: "report",
    entityId: id,
    version: after.version,
    reason: options.reason ?? null,
    changes: diff(reportState(before), reportState(after)),
    snapshot: after,
    importId: options.importId ?? null,
  });
  return { report: after, changed: true };
}

/** PATCH: any subset of the fields plus the version read. Lists given replace the report's lists. */
export async function updateReport(actor: Actor | null, id: number, body: unknown): Promise<WriteResult<ReportJson>> {
  return runWrite(async () => {
    const who = authorise(actor);
    const patch = parseInput(reportPatchSchema, body, "change");
    const { version, id: _id, createdAt: _c, updatedAt: _u, ...fields } = patch;
    const current = await loadReports(getPrisma(), [id]);
    const before = current.get(id);
    if (!before) throw new ApiError("not_found", `Report ${id} was not found`);
    // The fields not sent come from this read, so it must be the version the
    // caller names: otherwise a PATCH naming the next version (a client that
    // pipelines its edits) could pass the check below once that version is
    // committed, with every other field as it was before it — undoing it.
    if (before.version !== version) throw await conflictError(getPrisma(), "report", id, `Report ${id}`, version, before.version);
    const merged: Record<string, unknown> = { ...reportInputFromJson(before) };
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) merged[key] = value;
    // Leaving the retracted status drops the retraction reason, unless the caller says otherwise.
    if (fields.status && fields.status !== "retracted" && fields.retractionReason === undefined) merged.retractionReason = null;
    const input = parseInput(reportInputSchema, merged, "report");
    return writeTransaction(async (tx) => (await applyReportUpdate(tx, who, id, version, input, { action: "update" })).report);
  });
}
