// A stale version is refused with what changed since: the version the caller
// read, the current one, and each change in between (who, when, which fields).
import { ApiError } from "../api/errors";
import type { Tx } from "../db/transaction";
import type { Db } from "../db/client";
import { changesFromJson } from "../audit/record";

export interface ChangeSince {
  version: number | null;
  action: string;
  at: string;
  by: string;
  fields: Record<string, { before: unknown; after: unknown }>;
}

export async function conflictError(db: Db | Tx, entityType: string, id: number, label: string, yourVersion: number, currentVersion: number): Promise<ApiError> {
  const entries = await db.auditEntry.findMany({
    where: { entityType, entityId: String(id), version: { gt: yourVersion } },
    orderBy: { id: "asc" },
    take: 20,
  });
  const changes: ChangeSince[] = entries.map((entry) => ({
    version: entry.version,
    action: entry.action,
    at: entry.at.toISOString(),
    by: entry.actorEmail ?? (entry.via === "cli" ? "the command line" : "unknown"),
    fields: changesFromJson(entry.changes) as ChangeSince["fields"],
  }));
  const fieldNames = [...new Set(changes.flatMap((change) => Object.keys(change.fields)))];
  const who = [...new Set(changes.map((change) => change.by))];
  const what = fieldNames.length ? `${fieldNames.join(", ")} changed` : "it changed";
  return new ApiError(
    "conflict",
    `${label} was changed since you read it (you have version ${yourVersion}, it is now at version ${currentVersion}): ${what}${who.length ? ` by ${who.join(", ")}` : ""}. Reload it, re-apply your change and send version ${currentVersion}.`,
    undefined,
    { currentVersion, yourVersion, changes },
  );
}
