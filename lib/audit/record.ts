// Audit records: who changed what, when, with the before and after of every
// changed field. Written inside the same transaction as the change.
import type { Prisma } from "../generated/sqlite/client";
import type { Tx } from "../db/transaction";
import type { Role } from "../auth/roles";

export const AUDIT_ACTIONS = ["create", "update", "delete", "restore", "retract", "import", "revoke"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITIES = ["report", "speaker", "outlet", "event", "token", "user", "import"] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** Who is acting: a signed-in user, a user's API token, or an operator at the command line. */
export interface Actor {
  userId: string | null;
  email: string | null;
  role: Role | null;
  via: "session" | "token" | "cli";
  tokenId: string | null;
}

export const CLI_ACTOR: Actor = { userId: null, email: null, role: null, via: "cli", tokenId: null };

export type FieldChange = { before: unknown; after: unknown };
export type Changes = Record<string, FieldChange>;

export interface AuditInput {
  action: AuditAction;
  entityType: AuditEntity;
  entityId: string | number;
  version?: number | null;
  reason?: string | null;
  changes: Changes;
  snapshot?: unknown;
  importId?: string | null;
}

/** Key order must not make equal values look different. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

/** The fields whose values differ, each with its before and after. A null side means "did not exist". */
export function diff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ignore: readonly string[] = [],
): Changes {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Changes = {};
  for (const key of keys) {
    if (ignore.includes(key)) continue;
    const b = before ? (before[key] ?? null) : null;
    const a = after ? (after[key] ?? null) : null;
    if (!sameValue(b, a)) changes[key] = { before: b, after: a };
  }
  return changes;
}

/**
 * Changes are stored as a list, in the order the fields were compared: a JSON
 * object would do, but PostgreSQL's jsonb does not keep key order.
 */
function changesToJson(changes: Changes): Prisma.InputJsonValue {
  return toJson(Object.entries(changes).map(([field, change]) => ({ field, before: change.before, after: change.after })));
}

/** Reads stored changes back into field order (a plain object is accepted too). */
export function changesFromJson(value: unknown): Changes {
  if (Array.isArray(value)) {
    return Object.fromEntries(
      (value as Array<{ field: string; before: unknown; after: unknown }>).map(({ field, before, after }) => [field, { before, after }]),
    );
  }
  return (value ?? {}) as Changes;
}

/** JSON columns take plain JSON; undefined and Dates are normalised here. */
function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as Prisma.InputJsonValue;
}

export function auditRow(actor: Actor, entry: AuditInput): Prisma.AuditEntryCreateManyInput {
  return {
    actorId: actor.userId,
    actorEmail: actor.email,
    actorRole: actor.role,
    via: actor.via,
    tokenId: actor.tokenId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    version: entry.version ?? null,
    reason: entry.reason ?? null,
    changes: changesToJson(entry.changes),
    snapshot: entry.snapshot === undefined ? undefined : toJson(entry.snapshot),
    importId: entry.importId ?? null,
  };
}

export async function recordAudit(tx: Tx, actor: Actor, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({ data: auditRow(actor, entry) });
}
