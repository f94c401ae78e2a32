import { createHandler, listHandler } from "@/lib/api/source-routes";
import { searchOutlets } from "@/lib/sources/read";
import { OUTLETS } from "@/lib/writes/sources";

/** ?q= searches; ?deleted=true (admins) includes deleted ones. */
export const GET = listHandler(searchOutlets);
export const POST = createHandler(OUTLETS);
