// What anonymous readers may see of speakers, organisations and outlets: only
// those that a published or retracted report uses now. A speaker or outlet
// that only drafts (or deleted reports) use is as unpublished as those drafts:
// its name in a search, a lookup by id or the dashboard's filter options would
// tell anyone what is being prepared. Signed-in readers, who see drafts, see
// all of them.
import type { Prisma } from "../generated/sqlite/client";
import type { Viewer } from "../auth/viewer";
import { canSeeDrafts } from "../auth/viewer";

/** Who is asking decides what is listed: "public" for anyone who may not see drafts. */
export type SourceAudience = "public" | "all";

export function sourceAudience(viewer: Viewer | null): SourceAudience {
  return canSeeDrafts(viewer) ? "all" : "public";
}

const PUBLIC_REPORT: Prisma.ReportWhereInput = { status: { in: ["published", "retracted"] }, deletedAt: null };

/** Speakers some public report quotes. */
export function publicSpeakerWhere(audience: SourceAudience | undefined): Prisma.SpeakerWhereInput {
  return audience === "public" ? { reports: { some: { report: PUBLIC_REPORT } } } : {};
}

/** Outlets some public report cites. */
export function publicOutletWhere(audience: SourceAudience | undefined): Prisma.OutletWhereInput {
  return audience === "public" ? { citations: { some: { report: PUBLIC_REPORT } } } : {};
}
