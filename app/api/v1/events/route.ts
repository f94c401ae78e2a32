import { createHandler, listHandler } from "@/lib/api/source-routes";
import { searchEvents } from "@/lib/sources/read";
import { EVENTS } from "@/lib/writes/sources";

/** ?q= searches; ?deleted=true (admins) includes deleted ones. */
export const GET = listHandler(searchEvents);
export const POST = createHandler(EVENTS);
