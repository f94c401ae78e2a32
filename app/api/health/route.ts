import { databaseProvider, getPrisma } from "@/lib/db/client";
import { json } from "@/lib/api/handler";

// Answer from the live database on every request, never from a build-time render.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const database = databaseProvider();
  try {
    await getPrisma().$queryRawUnsafe("SELECT 1");
    return json({ status: "ok", database });
  } catch (error) {
    console.error("[health] database unreachable:", error instanceof Error ? error.message : error);
    return json(
      { status: "unavailable", database, error: { code: "service_unavailable", message: "The database is unreachable" } },
      { status: 503 },
    );
  }
}
