// What an import would do with a chunk of reports — create, update, leave
// unchanged — and what is wrong with them. The dry run and the commit run the
// same planning, so a file that passed the dry run is judged the same way when
// it is written (inside the commit's transaction, against current data).
import crypto from "node:crypto";
import type { Db } from "../db/client";
import type { Tx } from "../db/transaction";
import { auditRow, sameValue, type Actor } from "../audit/record";
import { reportInputSchema, type ReportInput } from "../schemas/report";
import { chunks, createReferences, planReferences } from "../writes/references";
import { insertReports, loadReports, resolveReports } from "../writes/report-store";
import { applyReportUpdate, reportContent, storedContent } from "../writes/reports";
import { groupInput, locateIssue, type Cells, type RowError } from "./columns";

export interface RawGroup {
  /** File rows of the report, in order. */
  rows: number[];
  cells: Cells[];
}

export type Outcome =
  | { kind: "create"; input: ReportInput }
  | { kind: "update"; input: ReportInput; reportId: number; version: number }
  | { kind: "unchanged"; reportId: number }
  /** The same report as earlier rows of this file. */
  | { kind: "duplicate"; row: number }
  | { kind: "invalid" };

export interface ChunkPlan {
  outcomes: Outcome[];
  errors: RowError[];
  observations: number;
}

const isId = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value > 0 && value <= Number.MAX_SAFE_INTEGER;

const hashOf = (content: unknown) => crypto.createHash("sha256").update(JSON.stringify(content)).digest("base64url");

/**
 * Plans an import chunk by chunk. It remembers, for the whole file, the
 * content of the stored reports it has compared against and of the reports in
 * the file, so each stored report is loaded at most once and a report repeated
 * anywhere in the file is recognised.
 */
export class ImportPlanner {
  /** Stored (or written by this import) report content → its id. */
  private readonly storedByContent = new Map<string, number>();
  private readonly knownIds = new Set<number>();
  /** Content of new reports seen in this file → the row they start on. */
  private readonly inFile = new Map<string, number>();

  constructor(private readonly db: Db | Tx) {}

  /** Reports this import has just written count as stored from now on. */
  remember(written: ReadonlyArray<{ id: number; content: unknown }>): void {
    for (const { id, content } of written) {
      this.knownIds.add(id);
      this.storedByContent.set(hashOf(content), id);
    }
  }

  private async loadCandidates(inputs: readonly ReportInput[]): Promise<void> {
    for (const batch of chunks(inputs, 200)) {
      const rows = await this.db.report.findMany({
        where: { deletedAt: null, OR: batch.map((input) => ({ targetCountryCode: input.targetCountry, periodStart: input.periodStart, metric: input.metric })) },
        select: { id: true },
      });
      const unknown = rows.map((r) => r.id).filter((id) => !this.knownIds.has(id));
      for (const report of (await loadReports(this.db, unknown)).values()) {
        this.knownIds.add(report.id);
        const content = storedContent(report);
        if (content) {
          const key = hashOf(content);
          if (!this.storedByContent.has(key)) this.storedByContent.set(key, report.id);
        }
      }
    }
  }

  async plan(groups: readonly RawGroup[]): Promise<ChunkPlan> {
    const errors: RowError[] = [];
    const outcomes: Outcome[] = groups.map(() => ({ kind: "invalid" }) as Outcome);
    const parsed: Array<{ index: number; input: ReportInput; reportId: number | null; version: number | null; built: ReturnType<typeof groupInput> }> = [];
    let observations = 0;

    groups.forEach((group, index) => {
      const built = groupInput(group.cells);
      const first = group.rows[0];
      let ok = true;
      for (const problem of built.problems) {
        errors.push({ row: first, column: problem.column, message: problem.message });
        ok = false;
      }
      if (built.reportId !== null && !isId(built.reportId)) {
        errors.push({ row: first, column: "report_id", message: "must be the id of an existing report (a whole number), or empty for a new report" });
        ok = false;
      }
      if (built.version !== null && !isId(built.version)) {
        errors.push({ row: first, column: "report_version", message: "must be a whole number ≥ 1, or empty" });
        ok = false;
      }
      const result = reportInputSchema.safeParse(built.draft);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const path = issue.path.map(String).join(".");
          const message = issue.code === "unrecognized_keys" ? `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}` : issue.message;
          errors.push(locateIssue(path, message, group.rows, built));
        }
        return;
      }
      if (!ok) return;
      observations += result.data.observations.length;
      parsed.push({ index, input: result.data, reportId: isId(built.reportId) ? built.reportId : null, version: isId(built.version) ? built.version : null, built });
    });

    // Speakers, outlets and events, for the whole chunk at once.
    const references = await planReferences(this.db, parsed.map((p) => p.input));
    const contents = new Map<(typeof parsed)[number], unknown | null>();
    const valid = parsed.filter((p, i) => {
      const issues = references.issues.get(i);
      if (issues) {
        for (const issue of issues) errors.push(locateIssue(issue.path, issue.message, groups[p.index].rows, p.built));
        return false;
      }
      // Content with speakers and outlets as ids; null when some are still to be created (then it is new content).
      const slots = [...references.speakers[i], ...references.outlets[i]];
      const ids = slots.every((slot) => "id" in slot)
        ? { speakerIds: references.speakers[i].map((slot) => (slot as { id: number }).id), outletIds: references.outlets[i].map((slot) => (slot as { id: number }).id) }
        : null;
      contents.set(p, ids ? reportContent(p.input, ids) : null);
      return true;
    });

    // Rows with a report_id change that report, if the file was made from its current version.
    const existingIds = valid.filter((p) => p.reportId !== null).map((p) => p.reportId!);
    const existing = await loadReports(this.db, existingIds);
    const deleted = new Set(
      (await this.db.report.findMany({ where: { id: { in: existingIds }, deletedAt: { not: null } }, select: { id: true } })).map((r) => r.id),
    );
    // Rows without one are new, unless a live report already says exactly the same.
    await this.loadCandidates(valid.filter((p) => p.reportId === null && contents.get(p)).map((p) => p.input));

    for (const p of valid) {
      const group = groups[p.index];
      const content = contents.get(p);
      if (p.reportId !== null) {
        const current = existing.get(p.reportId);
        if (!current) {
          errors.push({ row: group.rows[0], column: "report_id", message: `Report ${p.reportId} does not exist. Leave report_id empty to add a new report.` });
          continue;
        }
        if (deleted.has(p.reportId)) {
          errors.push({ row: group.rows[0], column: "report_id", message: `Report ${p.reportId} was deleted: restore it before importing changes to it.` });
          continue;
        }
        if (content && sameValue(content, storedContent(current))) {
          outcomes[p.index] = { kind: "unchanged", reportId: p.reportId };
          continue;
        }
        if (p.version === null) {
          errors.push({ row: group.rows[0], column: "report_version", message: `is needed to change report ${p.reportId}: the version it had when it was exported` });
          continue;
        }
        if (p.version !== current.version) {
          errors.push({
            row: group.rows[0],
            column: "report_version",
            message: `Report ${p.reportId} has changed since this file was made (version ${p.version} in the file, ${current.version} now): export it again and redo the change.`,
          });
          continue;
        }
        outcomes[p.index] = { kind: "update", input: p.input, reportId: p.reportId, version: p.version };
        continue;
      }
      const key = content ? hashOf(content) : null;
      const stored = key ? this.storedByContent.get(key) : undefined;
      if (stored !== undefined) {
        outcomes[p.index] = { kind: "unchanged", reportId: stored };
        continue;
      }
      const earlierRow = key ? this.inFile.get(key) : undefined;
      if (earlierRow !== undefined) {
        outcomes[p.index] = { kind: "duplicate", row: earlierRow };
        continue;
      }
      outcomes[p.index] = { kind: "create", input: p.input };
      if (key) this.inFile.set(key, group.rows[0]);
    }
    return { outcomes, errors, observations };
  }
}

export interface Applied {
  created: Array<{ id: number; content: unknown }>;
  updated: number[];
}

/** Writes a planned chunk: new reports in batches, changed ones one by one, every report with its audit record. */
export async function applyChunk(tx: Tx, actor: Actor, importId: string, plan: ChunkPlan): Promise<Applied> {
  const creates = plan.outcomes.flatMap((o) => (o.kind === "create" ? [o.input] : []));
  const created: Applied["created"] = [];
  if (creates.length) {
    const references = await planReferences(tx, creates);
    const made = await createReferences(tx, references, actor, importId);
    const resolved = resolveReports(creates, references, made);
    const ids = await insertReports(tx, resolved);
    const reports = await loadReports(tx, ids);
    for (const batch of chunks(ids, 200)) {
      await tx.auditEntry.createMany({
        data: batch.map((id) => auditRow(actor, { action: "import", entityType: "report", entityId: id, version: 1, changes: {}, snapshot: reports.get(id), importId })),
      });
    }
    ids.forEach((id, i) => created.push({ id, content: reportContent(creates[i], resolved[i]) }));
  }
  const updated: number[] = [];
  for (const outcome of plan.outcomes) {
    if (outcome.kind !== "update") continue;
    const result = await applyReportUpdate(tx, actor, outcome.reportId, outcome.version, outcome.input, { action: "import", importId });
    if (result.changed) updated.push(outcome.reportId);
  }
  return { created, updated };
}
