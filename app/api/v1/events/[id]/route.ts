import { deleteHandler, getHandler, updateHandler } from "@/lib/api/source-routes";
import { getEvent } from "@/lib/sources/read";
import { EVENTS } from "@/lib/writes/sources";

export const GET = getHandler(EVENTS, getEvent);
/** Any of the fields plus the `version` read. */
export const PATCH = updateHandler(EVENTS);
/** { reason }: refused while a live report uses it. */
export const DELETE = deleteHandler(EVENTS);
