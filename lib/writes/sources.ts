// Write actions on the things reports refer to: speakers, outlets and events.
// They share one shape — create, update with the version check, delete
// (refused while a live report uses the thing), restore — and all record audit.
import type { z } from "zod";
import { ApiError, validationError } from "../api/errors";
import { diff, recordAudit, type Actor, type AuditEntity } from "../audit/record";
import { writeTransaction, type Tx } from "../db/transaction";
import { reasonBodySchema, restoreBodySchema } from "../schemas/actions";
import {
  eventInputSchema,
  eventPatchSchema,
  outletInputSchema,
  outletPatchSchema,
  speakerInputSchema,
  speakerPatchSchema,
} from "../schemas/sources";
import { conflictError } from "./conflict";
import { authorise, parseInput, runWrite, type WriteResult } from "./result";

type Row = { id: number; version: number; deletedAt: Date | null } & Record<string, unknown>;

/** The few Prisma calls the shared code needs, typed loosely once here instead of three times. */
interface Table {
  findUnique(args: { where: { id: number } }): Promise<Row | null>;
  create(args: { data: Record<string, unknown> }): Promise<Row>;
  updateMany(args: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
}

export interface SourceKind<Json> {
  entity: AuditEntity;
  label: string;
  path: string;
  table(tx: Tx): Table;
  inputSchema: z.ZodType;
  patchSchema: z.ZodType<{ version: number } & Record<string, unknown>>;
  columns(input: Record<string, unknown>): Record<string, unknown>;
  toJson(row: Row): Json;
  /** Ids of live reports that use it: while there are any, it cannot be deleted. */
  usedBy(tx: Tx, id: number): Promise<number[]>;
  /** A check before writing, e.g. a unique name. */
  check?(tx: Tx, columns: Record<string, unknown>, id: number | null): Promise<void>;
}

const country = (input: Record<string, unknown>) => ("country" in input ? { countryCode: input.country } : {});
const pick = (input: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.filter((k) => k in input && input[k] !== undefined).map((k) => [k, input[k]]));

export interface SpeakerJsonOut { id: number; name: string | null; role: string | null; organisation: string | null; country: string | null; version: number; deleted: boolean }
export interface OutletJsonOut { id: number; name: string; kind: string; homepage: string | null; country: string | null; version: number; deleted: boolean }
export interface EventJsonOut { id: number; date: string; label: string; description: string | null; country: string | null; version: number; deleted: boolean }

const liveReports = { deletedAt: null };

export const SPEAKERS: SourceKind<SpeakerJsonOut> = {
  entity: "speaker",
  label: "Speaker",
  path: "speakers",
  table: (tx) => tx.speaker as unknown as Table,
  inputSchema: speakerInputSchema,
  patchSchema: speakerPatchSchema,
  columns: (input) => ({ ...pick(input, ["name", "role", "organisation"]), ...country(input) }),
  toJson: (row) => ({
    id: row.id,
    name: row.name as string | null,
    role: row.role as string | null,
    organisation: row.organisation as string | null,
    country: row.countryCode as string | null,
    version: row.version,
    deleted: row.deletedAt !== null,
  }),
  usedBy: async (tx, id) =>
    (await tx.reportSpeaker.findMany({ where: { speakerId: id, report: liveReports }, select: { reportId: true }, take: 10 })).map((r) => r.reportId),
};

export const OUTLETS: SourceKind<OutletJsonOut> = {
  entity: "outlet",
  label: "Outlet",
  path: "outlets",
  table: (tx) => tx.outlet as unknown as Table,
  inputSchema: outletInputSchema,
  patchSchema: outletPatchSchema,
  columns: (input) => ({ ...pick(input, ["name", "kind", "homepage"]), ...country(input) }),
  toJson: (row) => ({
    id: row.id,
    name: row.name as string,
    kind: row.kind as string,
    homepage: row.homepage as string | null,
    country: row.countryCode as string | null,
    version: row.version,
    deleted: row.deletedAt !== null,
  }),
  usedBy: async (tx, id) =>
    [...new Set((await tx.citation.findMany({ where: { outletId: id, report: liveReports }, select: { reportId: true }, take: 50 })).map((c) => c.reportId))].slice(0, 10),
  check: async (tx, columns, id) => {
    if (typeof columns.name !== "string") return;
    const same = await tx.outlet.findUnique({ where: { name: columns.name } });
    if (same && same.id !== id) {
      throw new ApiError("conflict", `An outlet named '${columns.name}' already exists (id ${same.id})`, [{ path: "name", message: `is already the name of outlet ${same.id}` }]);
    }
  },
};

export const EVENTS: SourceKind<EventJsonOut> = {
  entity: "event",
  label: "Event",
  path: "events",
  table: (tx) => tx.event as unknown as Table,
  inputSchema: eventInputSchema,
  patchSchema: eventPatchSchema,
  columns: (input) => ({ ...pick(input, ["date", "label", "description"]), ...country(input) }),
  toJson: (row) => ({
    id: row.id,
    date: row.date as string,
    label: row.label as string,
    description: row.description as string | null,
    country: row.countryCode as string | null,
    version: row.version,
    deleted: row.deletedAt !== null,
  }),
  usedBy: async (tx, id) => (await tx.report.findMany({ where: { periodEventId: id, ...liveReports }, select: { id: true }, take: 10 })).map((r) => r.id),
};

async function found<J>(kind: SourceKind<J>, tx: Tx, id: number): Promise<Row> {
  const row = await kind.table(tx).findUnique({ where: { id } });
  if (!row) throw new ApiError("not_found", `${kind.label} ${id} was not found`);
  return row;
}

async function versioned<J>(kind: SourceKind<J>, tx: Tx, row: Row, expected: number, data: Record<string, unknown>, deleted: boolean): Promise<Row> {
  const result = await kind.table(tx).updateMany({
    where: { id: row.id, version: expected, deletedAt: deleted ? { not: null } : null },
    data: { ...data, version: { increment: 1 } },
  });
  if (result.count === 0) {
    const now = await kind.table(tx).findUnique({ where: { id: row.id } });
    throw await conflictError(tx, kind.entity, row.id, `${kind.label} ${row.id}`, expected, now?.version ?? expected);
  }
  return found(kind, tx, row.id);
}

export async function createSource<J>(kind: SourceKind<J>, actor: Actor | null, body: unknown): Promise<WriteResult<J>> {
  return runWrite(async () => {
    const who = authorise(actor);
    const input = parseInput(kind.inputSchema, body, kind.label.toLowerCase()) as Record<string, unknown>;
    return writeTransaction(async (tx) => {
      const columns = kind.columns(input);
      await kind.check?.(tx, columns, null);
      const row = await kind.table(tx).create({ data: columns });
      const json = kind.toJson(row);
      await recordAudit(tx, who, { action: "create", entityType: kind.entity, entityId: row.id, version: row.version, changes: {}, snapshot: json });
      return json;
    });
  });
}

export async function updateSource<J>(kind: SourceKind<J>, actor: Actor | null, id: number, body: unknown): Promise<WriteResult<J>> {
  return runWrite(async () => {
    const who = authorise(actor);
    const { version, ...fields } = parseInput(kind.patchSchema, body, "change");
    return writeTransaction(async (tx) => {
      const row = await found(kind, tx, id);
      if (row.deletedAt) throw new ApiError("not_found", `${kind.label} ${id} was deleted: restore it before changing it`);
      if (row.version !== version) throw await conflictError(tx, kind.entity, id, `${kind.label} ${id}`, version, row.version);
      const merged = kind.inputSchema.safeParse({ ...stripMeta(kind.toJson(row) as Record<string, unknown>), ...fields });
      if (!merged.success) throw validationError(merged.error, kind.label.toLowerCase());
      const columns = kind.columns(fields);
      await kind.check?.(tx, columns, id);
      const before = kind.toJson(row) as Record<string, unknown>;
      const afterRow = await versioned(kind, tx, row, version, columns, false);
      const after = kind.toJson(afterRow);
      await recordAudit(tx, who, {
        action: "update",
        entityType: kind.entity,
        entityId: id,
        version: afterRow.version,
        changes: diff(before, after as Record<string, unknown>, ["version"]),
        snapshot: after,
      });
      return after;
    });
  });
}

function stripMeta(json: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, version: _v, deleted: _d, ...rest } = json;
  return rest;
}

export async function deleteSource<J>(kind: SourceKind<J>, actor: Actor | null, id: number, body: unknown): Promise<WriteResult<J>> {
  return runWrite(async () => {
    const who = authorise(actor);
    const { reason, version } = parseInput(reasonBodySchema, body, "request");
    return writeTransaction(async (tx) => {
      const row = await found(kind, tx, id);
      if (row.deletedAt) throw new ApiError("conflict", `${kind.label} ${id} is already deleted`);
      if (version !== undefined && version !== row.version) throw await conflictError(tx, kind.entity, id, `${kind.label} ${id}`, version, row.version);
      const users = await kind.usedBy(tx, id);
      if (users.length) {
        throw new ApiError("conflict", `${kind.label} ${id} is still used by report${users.length > 1 ? "s" : ""} ${users.join(", ")}: change or delete those first`, undefined, { usedBy: users });
      }
      const afterRow = await versioned(kind, tx, row, row.version, { deletedAt: new Date() }, false);
      const after = kind.toJson(afterRow);
      await recordAudit(tx, who, { action: "delete", entityType: kind.entity, entityId: id, version: afterRow.version, reason, changes: { deleted: { before: false, after: true } }, snapshot: after });
      return after;
    });
  });
}

export async function restoreSource<J>(kind: SourceKind<J>, actor: Actor | null, id: number, body: unknown): Promise<WriteResult<J>> {
  return runWrite(async () => {
    const who = authorise(actor);
    const { reason, toVersion } = parseInput(restoreBodySchema, body ?? {}, "request");
    if (toVersion !== undefined) {
      throw new ApiError("validation_failed", `Earlier versions can be restored for reports only; change the ${kind.label.toLowerCase()} with PATCH instead`, [{ path: "toVersion", message: "is only for reports" }]);
    }
    return writeTransaction(async (tx) => {
      const row = await found(kind, tx, id);
      if (!row.deletedAt) throw new ApiError("conflict", `${kind.label} ${id} is not deleted`);
      const afterRow = await versioned(kind, tx, row, row.version, { deletedAt: null }, true);
      const after = kind.toJson(afterRow);
      await recordAudit(tx, who, { action: "restore", entityType: kind.entity, entityId: id, version: afterRow.version, reason: reason ?? null, changes: { deleted: { before: true, after: false } }, snapshot: after });
      return after;
    });
  });
}

export const SOURCE_KINDS = [SPEAKERS, OUTLETS, EVENTS] as const;
