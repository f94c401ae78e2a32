// Every write action returns a value, never throws at its caller: route
// handlers turn it into a response, server actions hand it to the form (a
// thrown error would reach the browser as a redacted message).
import type { z } from "zod";
import { ApiError, validationError, type ErrorCode, type Issue } from "../api/errors";
import type { Actor } from "../audit/record";
import { hasRole, type Role } from "../auth/roles";

export interface WriteError {
  code: ErrorCode;
  status: number;
  message: string;
  issues?: Issue[];
  /** Extra facts for the caller, e.g. the current version on a conflict. */
  details?: Record<string, unknown>;
}

export type WriteResult<T> = { ok: true; value: T } | { ok: false; error: WriteError };

export function toWriteError(error: ApiError): WriteError {
  return {
    code: error.code,
    status: error.status,
    message: error.message,
    ...(error.issues ? { issues: error.issues } : {}),
    ...(error.details ? { details: error.details } : {}),
  };
}

/** Database errors a concurrent writer can cause, in words. Anything else is a bug and is rethrown. */
function knownDatabaseError(error: unknown): ApiError | null {
  const code = (error as { code?: unknown })?.code;
  if (code === "P2002") {
    const target = (error as { meta?: { target?: unknown } }).meta?.target;
    const field = Array.isArray(target) ? target.join(", ") : typeof target === "string" ? target : "value";
    return new ApiError("conflict", `Another record already has this ${field}.`);
  }
  if (code === "P2003" || code === "P2025") {
    return new ApiError("conflict", "Something this change refers to was changed or removed at the same time; reload and try again.");
  }
  return null;
}

export async function runWrite<T>(work: () => Promise<T>): Promise<WriteResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: toWriteError(error) };
    const known = knownDatabaseError(error);
    if (known) return { ok: false, error: toWriteError(known) };
    throw error;
  }
}

/**
 * The role check of every write. It runs before the input is looked at, so a
 * caller without the right learns nothing about what would be accepted. The
 * command line acts as the operator, who holds the database anyway.
 */
export function authorise(actor: Actor | null, role: Role = "admin"): Actor {
  if (!actor) throw new ApiError("unauthorized", "Sign in, or send an API token, to do this.");
  if (actor.via === "cli") return actor;
  if (!actor.role || !hasRole(actor.role, role)) {
    throw new ApiError("forbidden", `This needs the ${role} role; you are signed in as an ${actor.role ?? "unknown role"}.`);
  }
  return actor;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, what);
  return parsed.data;
}
