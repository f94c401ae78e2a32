import { json } from "@/lib/api/handler";
import { REGIONS } from "@/lib/reference-data";

/** UN M49 regions: world, continents, sub-regions and intermediate regions. */
export function GET(): Response {
  return json({ data: REGIONS });
}
