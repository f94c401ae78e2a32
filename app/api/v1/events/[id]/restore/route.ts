import { restoreHandler } from "@/lib/api/source-routes";
import { EVENTS } from "@/lib/writes/sources";

export const POST = restoreHandler(EVENTS);
