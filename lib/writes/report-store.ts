// Writing reports and their parts. Batch-shaped: the API writes a batch of
// one, the CSV import batches of hundreds, through the same code.
import type { Prisma } from "../generated/sqlite/client";
import type { Tx } from "../db/transaction";
import type { ReportInput } from "../schemas/report";
import { reportInclude, toReportJson } from "../reports/read";
import type { ReportJson } from "../reports/types";
import { chunks, resolveSlot, type CreatedReferences, type ReferencePlan } from "./references";

const CHUNK = 500;

/** A validated report whose speakers and outlets are known by id. */
export interface ResolvedReport {
  input: ReportInput;
  speakerIds: number[];
  outletIds: number[];
}

export function resolveReports(inputs: readonly ReportInput[], plan: ReferencePlan, created: CreatedReferences): ResolvedReport[] {
  return inputs.map((input, index) => ({
    input,
    speakerIds: plan.speakers[index].map((slot) => resolveSlot(slot, created.speakerIds)),
    outletIds: plan.outlets[index].map((slot) => resolveSlot(slot, created.outletIds)),
  }));
}

/** The report's own columns from its input. */
export function reportColumns(input: ReportInput) {
  return {
    targetCountryCode: input.targetCountry,
    metric: input.metric,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    periodLabel: input.periodLabel,
    periodEventId: input.periodEventId,
    statedOn: input.statedOn,
    quote: input.quote,
    notes: input.notes,
    status: input.status,
    retractionReason: input.status === "retracted" ? input.retractionReason : null,
    synthetic: input.synthetic,
  };
}

/** Creates reports with their speakers, citations (and chain) and observations. Returns their ids, in order. */
export async function insertReports(tx: Tx, reports: readonly ResolvedReport[]): Promise<number[]> {
  const ids: number[] = [];
  for (const batch of chunks(reports, CHUNK)) {
    const now = new Date();
    const data = batch.map(({ input }) => ({
      ...reportColumns(input),
      retractedAt: input.status === "retracted" ? now : null,
    }));
    // Ids are handed out in insertion order within one statement; the check
    // below makes sure each id is matched with its own input, never guessed.
    const rows = (await tx.report.createManyAndReturn({ data })).sort((a, b) => a.id - b.id);
    rows.forEach((row, i) => {
      const expected = data[i];
      if (row.targetCountryCode !== expected.targetCountryCode || row.periodStart !== expected.periodStart || row.notes !== expected.notes || row.quote !== expected.quote) {
        throw new Error("internal: inserted reports came back in an unexpected order");
      }
    });
    const batchIds = rows.map((row) => row.id);
    await insertChildren(tx, batch.map((report, i) => ({ reportId: batchIds[i], report })));
    ids.push(...batchIds);
  }
  return ids;
}

/** Replaces a report's speakers, citations and observations with those of its input. */
export async function replaceChildren(tx: Tx, reportId: number, report: ResolvedReport, parts: { speakers: boolean; citations: boolean; observations: boolean }) {
  if (parts.speakers) await tx.reportSpeaker.deleteMany({ where: { reportId } });
  if (parts.citations) await tx.citation.deleteMany({ where: { reportId } });
  if (parts.observations) await tx.observation.deleteMany({ where: { reportId } });
  await insertChildren(tx, [{ reportId, report }], parts);
}

async function insertChildren(
  tx: Tx,
  items: Array<{ reportId: number; report: ResolvedReport }>,
  parts = { speakers: true, citations: true, observations: true },
): Promise<void> {
  if (parts.speakers) {
    const speakers: Prisma.ReportSpeakerCreateManyInput[] = items.flatMap(({ reportId, report }) =>
      report.input.speakers.map((s, position) => ({
        reportId,
        speakerId: report.speakerIds[position],
        position,
        subject: s.subject,
        quote: s.quote ?? null,
      })),
    );
    for (const batch of chunks(speakers, CHUNK)) await tx.reportSpeaker.createMany({ data: batch });
  }

  if (parts.citations) await insertCitations(tx, items);

  if (parts.observations) {
    const observations: Prisma.ObservationCreateManyInput[] = items.flatMap(({ reportId, report }) =>
      report.input.observations.map((o, position) => ({
        reportId,
        count: o.count === null ? null : BigInt(o.count),
        qualifier: o.qualifier,
        periodStart: o.periodStart,
        periodEnd: o.periodEnd,
        scopeType: o.scope.type,
        scopeCountryCode: o.scope.type === "country" ? o.scope.code : null,
        scopeRegionCode: o.scope.type === "region" ? o.scope.code : null,
        note: o.note ?? null,
        position,
      })),
    );
    for (const batch of chunks(observations, CHUNK)) await tx.observation.createMany({ data: batch });
  }
}

/**
 * Citations go in waves: first the originals, then those taken from them, and
 * so on, so each one's `takenFrom` already has an id. Chains are short; a
 * handful of statements covers any batch.
 */
async function insertCitations(tx: Tx, items: Array<{ reportId: number; report: ResolvedReport }>): Promise<void> {
  const ids = new Map<string, number>(); // "reportId:position" → id
  const key = (reportId: number, position: number) => `${reportId}:${position}`;
  let pending = items.flatMap(({ reportId, report }) =>
    report.input.citations.map((citation, position) => ({ reportId, position, citation, outletId: report.outletIds[position] })),
  );
  while (pending.length > 0) {
    const ready = pending.filter(({ reportId, citation }) => citation.takenFrom == null || ids.has(key(reportId, citation.takenFrom)));
    if (ready.length === 0) throw new Error("internal: citation chain could not be ordered"); // the schema refuses loops
    for (const batch of chunks(ready, CHUNK)) {
      const rows = await tx.citation.createManyAndReturn({
        data: batch.map(({ reportId, position, citation, outletId }) => ({
          reportId,
          outletId,
          kind: citation.kind,
          url: citation.url ?? null,
          title: citation.title ?? null,
          publishedOn: citation.publishedOn ?? null,
          accessedOn: citation.accessedOn ?? null,
          takenFromId: citation.takenFrom == null ? null : ids.get(key(reportId, citation.takenFrom))!,
          position,
        })),
        select: { id: true, reportId: true, position: true },
      });
      for (const row of rows) ids.set(key(row.reportId, row.position), row.id);
    }
    const done = new Set(ready);
    pending = pending.filter((item) => !done.has(item));
  }
}

/** Reports as the API shows them, deleted or not, in the order of the ids given. */
export async function loadReports(db: Tx, ids: readonly number[]): Promise<Map<number, ReportJson>> {
  const result = new Map<number, ReportJson>();
  for (const batch of chunks(ids, CHUNK)) {
    const rows = await db.report.findMany({ where: { id: { in: [...batch] } }, include: reportInclude });
    for (const row of rows) result.set(row.id, toReportJson(row));
  }
  return result;
}
