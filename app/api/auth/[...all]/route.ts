// better-auth's endpoints: POST /api/auth/sign-in/email, POST /api/auth/sign-out,
// GET /api/auth/get-session… It checks the Origin of cookie-carrying requests
// and rate-limits sign-in (counters in the database).
import { getAuth } from "@/lib/auth/auth";
import { busyWithImport, importHoldsWriteLock } from "@/lib/import/write-phase";
import { passwordWeakness } from "@/lib/auth/password-strength";

/** better-auth lets a signed-in user pick a new password; it must pass the same check as new accounts. */
async function weakNewPassword(request: Request): Promise<Response | null> {
  if (!new URL(request.url).pathname.endsWith("/change-password")) return null;
  const body = (await request.clone().json().catch(() => null)) as { newPassword?: unknown } | null;
  if (typeof body?.newPassword !== "string") return null; // better-auth answers that itself
  const weakness = passwordWeakness(body.newPassword);
  if (!weakness) return null;
  return Response.json(
    { code: "PASSWORD_TOO_WEAK", message: `The new password ${weakness}.`, issues: [{ path: "newPassword", message: weakness }] },
    { status: 400 },
  );
}

async function handle(request: Request): Promise<Response> {
  // Its POSTs write (sessions, counters): while an import holds SQLite's write lock, say so at once.
  if (request.method === "POST") {
    const weak = await weakNewPassword(request);
    if (weak) return weak;
    if (await importHoldsWriteLock()) return busyWithImport();
  }
  return (await getAuth()).handler(request);
}

export { handle as GET, handle as POST };
