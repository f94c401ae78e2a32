import { deleteHandler, getHandler, updateHandler } from "@/lib/api/source-routes";
import { getOutlet } from "@/lib/sources/read";
import { OUTLETS } from "@/lib/writes/sources";

export const GET = getHandler(OUTLETS, getOutlet);
/** Any of the fields plus the `version` read. */
export const PATCH = updateHandler(OUTLETS);
/** { reason }: refused while a live report uses it. */
export const DELETE = deleteHandler(OUTLETS);
