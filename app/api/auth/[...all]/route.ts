// better-auth's endpoints: POST /api/auth/sign-in/email, POST /api/auth/sign-out,
// GET /api/auth/get-session… It checks the Origin of cookie-carrying requests
// and rate-limits sign-in (counters in the database).
import { getAuth } from "@/lib/auth/auth";

async function handle(request: Request): Promise<Response> {
  return (await getAuth()).handler(request);
}

export { handle as GET, handle as POST };
