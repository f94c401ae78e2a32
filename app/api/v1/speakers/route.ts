import { createHandler, listHandler } from "@/lib/api/source-routes";
import { searchSpeakers } from "@/lib/sources/read";
import { SPEAKERS } from "@/lib/writes/sources";

/** ?q= searches; ?deleted=true (admins) includes deleted ones. */
export const GET = listHandler(searchSpeakers);
export const POST = createHandler(SPEAKERS);
