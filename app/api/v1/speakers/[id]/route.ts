import { deleteHandler, getHandler, updateHandler } from "@/lib/api/source-routes";
import { getSpeaker } from "@/lib/sources/read";
import { SPEAKERS } from "@/lib/writes/sources";

export const GET = getHandler(SPEAKERS, getSpeaker);
/** Any of the fields plus the `version` read. */
export const PATCH = updateHandler(SPEAKERS);
/** { reason }: refused while a live report uses it. */
export const DELETE = deleteHandler(SPEAKERS);
