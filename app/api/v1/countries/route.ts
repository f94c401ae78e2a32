import { json } from "@/lib/api/handler";
import { COUNTRIES } from "@/lib/reference-data";

/** ISO 3166-1 countries with the UN M49 region each belongs to. */
export function GET(): Response {
  return json({ data: COUNTRIES });
}
