// What a report refers to — speakers, outlets, the event its period counts
// from — resolved for a whole batch of reports at once: one query per kind of
// thing, never one per row, so a large import stays fast.
import type { Db } from "../db/client";
import type { Tx } from "../db/transaction";
import type { Issue } from "../api/errors";
import type { ReportInput } from "../schemas/report";
import { auditRow, type Actor } from "../audit/record";

type Reader = Db | Tx;

export type SpeakerData = { name: string | null; role: string | null; organisation: string | null; countryCode: string | null };
export type OutletData = { name: string; kind: string; homepage: string | null; countryCode: string | null };

/** A reference resolved to a stored row, or a new row to create (shared by every report that names it). */
export type Slot = { id: number } | { newKey: string };

export interface ReferencePlan {
  /** Per report, per speaker. */
  speakers: Slot[][];
  /** Per report, per citation. */
  outlets: Slot[][];
  newSpeakers: Map<string, SpeakerData>;
  newOutlets: Map<string, OutletData>;
  /** Problems, by the report's index in the batch. */
  issues: Map<number, Issue[]>;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

const QUERY_CHUNK = 500;
/** Speakers matched by their four details per query: 4 parameters each, under SQLite's limit of 999. */
const SPEAKER_MATCH_CHUNK = 200;
const quoted = (value: string | null) => (value === null ? "empty" : `'${value}'`);

export function speakerKey(data: SpeakerData): string {
  return JSON.stringify([data.name, data.role, data.organisation, data.countryCode]);
}

export async function planReferences(db: Reader, inputs: readonly ReportInput[]): Promise<ReferencePlan> {
  const issues = new Map<number, Issue[]>();
  const issue = (index: number, path: (string | number)[], message: string) => {
    const list = issues.get(index) ?? [];
    list.push({ path: path.join("."), message });
    issues.set(index, list);
  };

  // Events the periods count from.
  const eventIds = [...new Set(inputs.map((input) => input.periodEventId).filter((id): id is number => id !== null))];
  const events = new Map<number, { deletedAt: Date | null }>();
  for (const ids of chunks(eventIds, QUERY_CHUNK)) {
    for (const row of await db.event.findMany({ where: { id: { in: ids } }, select: { id: true, deletedAt: true } })) events.set(row.id, row);
  }
  inputs.forEach((input, index) => {
    if (input.periodEventId === null) return;
    const event = events.get(input.periodEventId);
    if (!event) issue(index, ["periodEventId"], `Event ${input.periodEventId} does not exist`);
    else if (event.deletedAt) issue(index, ["periodEventId"], `Event ${input.periodEventId} was deleted: restore it or choose another`);
  });

  // Speakers referred to by id: they must exist, and details sent with them must match.
  const speakerIds = [...new Set(inputs.flatMap((input) => input.speakers.flatMap((s) => (s.id === undefined ? [] : [s.id]))))];
  const storedSpeakers = new Map<number, SpeakerData & { deletedAt: Date | null }>();
  for (const ids of chunks(speakerIds, QUERY_CHUNK)) {
    for (const row of await db.speaker.findMany({ where: { id: { in: ids } } })) storedSpeakers.set(row.id, row);
  }
  // New speakers: the same person described the same way is the same speaker.
  const newSpeakers = new Map<string, SpeakerData>();
  const wanted = new Map<string, SpeakerData>();
  for (const input of inputs) {
    for (const s of input.speakers) {
      if (s.id !== undefined) continue;
      const data = { name: s.name ?? null, role: s.role ?? null, organisation: s.organisation ?? null, countryCode: s.country ?? null };
      wanted.set(speakerKey(data), data);
    }
  }
  const existingByKey = new Map<string, number>();
  for (const batch of chunks([...wanted.values()], SPEAKER_MATCH_CHUNK)) {
    const rows = await db.speaker.findMany({ where: { deletedAt: null, OR: batch }, orderBy: { id: "asc" } });
    for (const row of rows) {
      const key = speakerKey(row);
      if (!existingByKey.has(key)) existingByKey.set(key, row.id);
    }
  }
  const speakers = inputs.map((input, index) =>
    input.speakers.map((s, position): Slot => {
      if (s.id !== undefined) {
        const stored = storedSpeakers.get(s.id);
        const at = ["speakers", position];
        if (!stored) issue(index, [...at, "id"], `Speaker ${s.id} does not exist`);
        else if (stored.deletedAt) issue(index, [...at, "id"], `Speaker ${s.id} was deleted: restore it or choose another speaker`);
        else {
          const given: Array<[keyof SpeakerData, string, string | null | undefined]> = [
            ["name", "name", s.name],
            ["role", "role", s.role],
            ["organisation", "organisation", s.organisation],
            ["countryCode", "country", s.country],
          ];
          for (const [column, field, value] of given) {
            if (value !== undefined && value !== stored[column]) {
              issue(index, [...at, field], `differs from speaker ${s.id}'s stored ${field} (${quoted(stored[column])}): leave it out, or change the speaker itself (PATCH /api/v1/speakers/${s.id})`);
            }
          }
        }
        return { id: s.id };
      }
      const data = { name: s.name ?? null, role: s.role ?? null, organisation: s.organisation ?? null, countryCode: s.country ?? null };
      const key = speakerKey(data);
      const existing = existingByKey.get(key);
      if (existing !== undefined) return { id: existing };
      newSpeakers.set(key, data);
      return { newKey: key };
    }),
  );

  // A speaker listed twice — given whole twice, or by id and again in full — would be one speaker twice in the report.
  speakers.forEach((slots, index) => {
    const seen = new Map<string, number>();
    slots.forEach((slot, position) => {
      const key = "id" in slot ? `id:${slot.id}` : `new:${slot.newKey}`;
      const first = seen.get(key);
      if (first === undefined) return void seen.set(key, position);
      // Repeated ids are named by the schema already (speakers.N.id).
      if (inputs[index].speakers[position].id !== undefined && inputs[index].speakers[first].id !== undefined) return;
      issue(index, ["speakers", position, inputs[index].speakers[position].id !== undefined ? "id" : "name"], `is the same speaker as speakers.${first}: list each speaker once`);
    });
  });

  // Outlets: by id, or by name (names are unique).
  const outletIds = new Set<number>();
  const outletNames = new Set<string>();
  for (const input of inputs) {
    for (const c of input.citations) {
      if (c.outlet.id !== undefined) outletIds.add(c.outlet.id);
      else if (c.outlet.name) outletNames.add(c.outlet.name);
    }
  }
  type StoredOutlet = OutletData & { id: number; deletedAt: Date | null };
  const outletsById = new Map<number, StoredOutlet>();
  const outletsByName = new Map<string, StoredOutlet>();
  for (const ids of chunks([...outletIds], QUERY_CHUNK)) {
    for (const row of await db.outlet.findMany({ where: { id: { in: ids } } })) outletsById.set(row.id, row);
  }
  for (const names of chunks([...outletNames], QUERY_CHUNK)) {
    for (const row of await db.outlet.findMany({ where: { name: { in: names } } })) outletsByName.set(row.name, row);
  }
  const newOutlets = new Map<string, OutletData>();
  const outlets = inputs.map((input, index) =>
    input.citations.map((c, position): Slot => {
      const at = ["citations", position, "outlet"];
      const ref = c.outlet;
      const stored = ref.id !== undefined ? outletsById.get(ref.id) : outletsByName.get(ref.name!);
      if (ref.id !== undefined && !stored) {
        issue(index, [...at, "id"], `Outlet ${ref.id} does not exist`);
        return { id: ref.id };
      }
      if (stored) {
        const label = ref.id !== undefined ? `outlet ${stored.id}` : `the outlet named '${stored.name}' (id ${stored.id})`;
        if (stored.deletedAt) {
          issue(index, [...at, ref.id !== undefined ? "id" : "name"], `${label} was deleted: restore it or choose another outlet`);
        }
        const given: Array<[keyof OutletData, string, string | null | undefined]> = [
          ["name", "name", ref.name],
          ["kind", "kind", ref.kind],
          ["homepage", "homepage", ref.homepage],
          ["countryCode", "country", ref.country],
        ];
        for (const [column, field, value] of given) {
          if (value !== undefined && value !== stored[column]) {
            issue(index, [...at, field], `differs from ${label}'s stored ${field} (${quoted(stored[column])}): leave it out, or change the outlet itself (PATCH /api/v1/outlets/${stored.id})`);
          }
        }
        return { id: stored.id };
      }
      const data = { name: ref.name!, kind: ref.kind ?? "news_outlet", homepage: ref.homepage ?? null, countryCode: ref.country ?? null };
      const previous = newOutlets.get(data.name);
      if (previous && JSON.stringify(previous) !== JSON.stringify(data)) {
        issue(index, [...at, "name"], `the new outlet '${data.name}' is described in two different ways; describe it the same way everywhere`);
      }
      newOutlets.set(data.name, previous ?? data);
      return { newKey: data.name };
    }),
  );

  return { speakers, outlets, newSpeakers, newOutlets, issues };
}

export interface CreatedReferences {
  speakerIds: Map<string, number>;
  outletIds: Map<string, number>;
}

/** Creates the new speakers and outlets of a plan, each with its audit record. */
export async function createReferences(tx: Tx, plan: ReferencePlan, actor: Actor, importId: string | null = null): Promise<CreatedReferences> {
  const speakerIds = new Map<string, number>();
  const outletIds = new Map<string, number>();
  for (const batch of chunks([...plan.newSpeakers.entries()], QUERY_CHUNK)) {
    const rows = await tx.speaker.createManyAndReturn({ data: batch.map(([, data]) => data) });
    for (const row of rows) speakerIds.set(speakerKey(row), row.id);
    await tx.auditEntry.createMany({
      data: rows.map((row) =>
        auditRow(actor, { action: importId ? "import" : "create", entityType: "speaker", entityId: row.id, version: 1, changes: {}, snapshot: speakerSnapshot(row), importId }),
      ),
    });
  }
  for (const batch of chunks([...plan.newOutlets.entries()], QUERY_CHUNK)) {
    const rows = await tx.outlet.createManyAndReturn({ data: batch.map(([, data]) => data) });
    for (const row of rows) outletIds.set(row.name, row.id);
    await tx.auditEntry.createMany({
      data: rows.map((row) =>
        auditRow(actor, { action: importId ? "import" : "create", entityType: "outlet", entityId: row.id, version: 1, changes: {}, snapshot: outletSnapshot(row), importId }),
      ),
    });
  }
  return { speakerIds, outletIds };
}

export function resolveSlot(slot: Slot, created: Map<string, number>): number {
  if ("id" in slot) return slot.id;
  const id = created.get(slot.newKey);
  if (id === undefined) throw new Error(`internal: new reference ${slot.newKey} was not created`);
  return id;
}

export function speakerSnapshot(row: SpeakerData & { id: number }) {
  return { id: row.id, name: row.name, role: row.role, organisation: row.organisation, country: row.countryCode };
}

export function outletSnapshot(row: OutletData & { id: number }) {
  return { id: row.id, name: row.name, kind: row.kind, homepage: row.homepage, country: row.countryCode };
}
