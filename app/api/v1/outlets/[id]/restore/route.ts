import { restoreHandler } from "@/lib/api/source-routes";
import { OUTLETS } from "@/lib/writes/sources";

export const POST = restoreHandler(OUTLETS);
