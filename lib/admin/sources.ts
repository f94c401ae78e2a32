// Reads for the admin's speaker and outlet pages: plain rows with how many reports use each.
import type { Db } from "../db/client";
import { SPEAKERS, OUTLETS, type OutletJsonOut, type SpeakerJsonOut } from "../writes/sources";

export type AdminSpeakerRow = SpeakerJsonOut & { reports: number };
export type AdminOutletRow = OutletJsonOut & { reports: number };

const LIMIT = 500;

export async function listAdminSpeakers(db: Db): Promise<AdminSpeakerRow[]> {
  const rows = await db.speaker.findMany({
    where: { deletedAt: null },
    orderBy: [{ organisation: "asc" }, { name: "asc" }, { id: "asc" }],
    take: LIMIT,
    include: { _count: { select: { reports: true } } },
  });
  return rows.map((row) => ({ ...SPEAKERS.toJson(row as never), reports: row._count.reports }));
}

export async function listAdminOutlets(db: Db): Promise<AdminOutletRow[]> {
  const rows = await db.outlet.findMany({
    where: { deletedAt: null },
    orderBy: [{ name: "asc" }],
    take: LIMIT,
    include: { _count: { select: { citations: true } } },
  });
  return rows.map((row) => ({ ...OUTLETS.toJson(row as never), reports: row._count.citations }));
}
