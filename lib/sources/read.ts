// Searching speakers, outlets and events: the pickers of the report form and
// the read API use these.
import { providerOf, type Db } from "../db/client";
import { EVENTS, OUTLETS, SPEAKERS, type EventJsonOut, type OutletJsonOut, type SpeakerJsonOut } from "../writes/sources";
import { publicOutletWhere, publicSpeakerWhere, type SourceAudience } from "./public";

export interface SourceQuery {
  q?: string;
  limit?: number;
  includeDeleted?: boolean;
  /** "public": only what a published or retracted report uses (see public.ts). Default: all. */
  audience?: SourceAudience;
}

const limitOf = (query: SourceQuery) => Math.min(Math.max(query.limit ?? 20, 1), 100);

/**
 * "Contains, whatever the case": SQLite's LIKE already ignores ASCII case;
 * PostgreSQL needs Prisma's insensitive mode (which the SQLite client, whose
 * types the app uses, does not know).
 */
function containsText(db: Db, q: string): { contains: string } {
  return providerOf(db) === "postgresql" ? ({ contains: q, mode: "insensitive" } as { contains: string }) : { contains: q };
}

export async function searchSpeakers(db: Db, query: SourceQuery = {}): Promise<SpeakerJsonOut[]> {
  const q = query.q?.trim();
  const rows = await db.speaker.findMany({
    where: {
      ...(query.includeDeleted ? {} : { deletedAt: null }),
      ...publicSpeakerWhere(query.audience),
      ...(q ? { OR: [{ name: containsText(db, q) }, { role: containsText(db, q) }, { organisation: containsText(db, q) }] } : {}),
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limitOf(query),
  });
  return rows.map((row) => SPEAKERS.toJson(row));
}

export async function searchOutlets(db: Db, query: SourceQuery = {}): Promise<OutletJsonOut[]> {
  const q = query.q?.trim();
  const rows = await db.outlet.findMany({
    where: { ...(query.includeDeleted ? {} : { deletedAt: null }), ...publicOutletWhere(query.audience), ...(q ? { name: containsText(db, q) } : {}) },
    orderBy: [{ name: "asc" }],
    take: limitOf(query),
  });
  return rows.map((row) => OUTLETS.toJson(row));
}

export async function searchEvents(db: Db, query: SourceQuery = {}): Promise<EventJsonOut[]> {
  const q = query.q?.trim();
  const rows = await db.event.findMany({
    where: { ...(query.includeDeleted ? {} : { deletedAt: null }), ...(q ? { label: containsText(db, q) } : {}) },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    take: limitOf(query),
  });
  return rows.map((row) => EVENTS.toJson(row));
}

export async function getSpeaker(db: Db, id: number, audience?: SourceAudience): Promise<SpeakerJsonOut | null> {
  const row = await db.speaker.findFirst({ where: { id, ...publicSpeakerWhere(audience) } });
  return row ? SPEAKERS.toJson(row) : null;
}

export async function getOutlet(db: Db, id: number, audience?: SourceAudience): Promise<OutletJsonOut | null> {
  const row = await db.outlet.findFirst({ where: { id, ...publicOutletWhere(audience) } });
  return row ? OUTLETS.toJson(row) : null;
}

export async function getEvent(db: Db, id: number): Promise<EventJsonOut | null> {
  const row = await db.event.findUnique({ where: { id } });
  return row ? EVENTS.toJson(row) : null;
}
