// Writing reports and their parts. Batch-shaped: the API writes a batch of
// one, the CSV import batches of hundreds, through the same code.
import { syncObservationFacts } from "../reports/facts";
import { Prisma } from "../generated/sqlite/client";
import type { Tx } from "../db/transaction";
import type { ReportInput } from "../schemas/report";
import { reportsById } from "../reports/batch";
import type { Db } from "../db/client";
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
    await syncObservationFacts(tx, batchIds);
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
  // The report's own fields may have changed too: its facts on every observation follow.
  await syncObservationFacts(tx, [reportId]);
}

/**
 * Multi-row INSERTs for the parts of reports. Prisma's createMany costs about
 * 0.1 ms of client work per row, which dominates a large import; these tables
 * have no timestamps or defaults to fill, so plain SQL (the same on SQLite and
 * PostgreSQL) writes them directly, with parameters, in statements of at most
 * ~30,000 values (both databases' limit is above that).
 */
const MAX_PARAMETERS = 30_000;

function valuesChunks<T>(rows: readonly T[], columns: number): T[][] {
  return chunks(rows, Math.max(1, Math.floor(MAX_PARAMETERS / columns)));
}

function valuesList(rows: ReadonlyArray<readonly unknown[]>): Prisma.Sql {
  return Prisma.join(rows.map((row) => Prisma.sql`(${Prisma.join(row as unknown[])})`));
}

async function insertChildren(
  tx: Tx,
  items: Array<{ reportId: number; report: ResolvedReport }>,
  parts = { speakers: true, citations: true, observations: true },
): Promise<void> {
  if (parts.speakers) {
    const rows = items.flatMap(({ reportId, report }) =>
      report.input.speakers.map((s, position) => [reportId, report.speakerIds[position], position, s.subject, s.quote ?? null] as const),
    );
    for (const batch of valuesChunks(rows, 5)) {
      await tx.$executeRaw`INSERT INTO "ReportSpeaker" ("reportId", "speakerId", "position", "subject", "quote") VALUES ${valuesList(batch)}`;
    }
  }

  if (parts.citations) await insertCitations(tx, items);

  if (parts.observations) {
    const rows = items.flatMap(({ reportId, report }) =>
      report.input.observations.map(
        (o, position) =>
          [
            reportId,
            o.count === null ? null : BigInt(o.count),
            o.qualifier,
            o.periodStart,
            o.periodEnd,
            o.scope.type,
            o.scope.type === "country" ? o.scope.code : null,
            o.scope.type === "region" ? o.scope.code : null,
            o.note ?? null,
            position,
          ] as const,
      ),
    );
    for (const batch of valuesChunks(rows, 10)) {
      await tx.$executeRaw`INSERT INTO "Observation" ("reportId", "count", "qualifier", "periodStart", "periodEnd", "scopeType", "scopeCountryCode", "scopeRegionCode", "note", "position") VALUES ${valuesList(batch)}`;
    }
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
    for (const batch of valuesChunks(ready, 10)) {
      const values = batch.map(({ reportId, position, citation, outletId }) => [
        reportId,
        outletId,
        citation.kind,
        citation.url ?? null,
        citation.title ?? null,
        citation.publishedOn ?? null,
        citation.accessedOn ?? null,
        citation.takenFrom == null ? null : ids.get(key(reportId, citation.takenFrom))!,
        position,
      ]);
      const rows = await tx.$queryRaw<Array<{ id: number | bigint; reportId: number | bigint; position: number | bigint }>>`
        INSERT INTO "Citation" ("reportId", "outletId", "kind", "url", "title", "publishedOn", "accessedOn", "takenFromId", "position")
        VALUES ${valuesList(values)} RETURNING "id", "reportId", "position"`;
      for (const row of rows) ids.set(key(Number(row.reportId), Number(row.position)), Number(row.id));
    }
    const done = new Set(ready);
    pending = pending.filter((item) => !done.has(item));
  }
}

/** Reports as the API shows them, deleted or not, in the order of the ids given. */
export async function loadReports(db: Tx, ids: readonly number[]): Promise<Map<number, ReportJson>> {
  // Four plain queries per batch (lib/reports/batch.ts), not the ORM's nested loading: an import reads back thousands.
  const reports = await reportsById(db as unknown as Db, ids);
  return new Map(reports.map((report) => [report.id, report]));
}
