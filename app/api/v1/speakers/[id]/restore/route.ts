import { restoreHandler } from "@/lib/api/source-routes";
import { SPEAKERS } from "@/lib/writes/sources";

export const POST = restoreHandler(SPEAKERS);
