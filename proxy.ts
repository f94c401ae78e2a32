// Runs before every page and API request (Next.js "proxy", formerly middleware):
// - pages get a Content-Security-Policy with a fresh nonce (lib/security/csp.ts);
// - every answer gets Strict-Transport-Security when APP_URL is https (lib/security/hsts.ts);
// - with PUBLIC_READ=false, nobody anonymous gets past it: pages redirect to
//   /sign-in, APIs answer 401. The credentials are checked in full here (the
//   database session or token, not just the presence of a cookie), so a page
//   that forgot its own check is still closed. Pages and routes check again.
import { NextResponse, type NextRequest } from "next/server";
import { publicRead } from "@/lib/auth/settings";
import { viewerFromHeaders } from "@/lib/auth/viewer";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";
import { strictTransportSecurity } from "@/lib/security/hsts";

/** Always open: signing in, the auth endpoints, and the health check. */
function isOpen(pathname: string): boolean {
  return pathname === "/sign-in" || pathname.startsWith("/api/auth/") || pathname === "/api/health";
}

async function signedIn(request: NextRequest): Promise<boolean> {
  try {
    return (await viewerFromHeaders(request.headers)) !== null;
  } catch {
    return false; // a bad token is nobody
  }
}

function withHsts(response: NextResponse): NextResponse {
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export async function proxy(request: NextRequest) {
  return withHsts(await answer(request));
}

async function answer(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");

  if (!publicRead() && !isOpen(pathname) && !(await signedIn(request))) {
    if (isApi) {
      return NextResponse.json(
        { error: { code: "unauthorized", message: "This dashboard is not public: sign in, or send an API token, to read it." } },
        { status: 401, headers: { "Cache-Control": "no-store" } },
      );
    }
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  if (isApi) return NextResponse.next();

  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce);
  // Next.js reads the nonce from the request's policy and puts it on its scripts.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  // Layouts do not know the path they render; the sign-in redirect needs it to come back.
  headers.set("x-pathname", `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Not the CSV upload (POST /api/v1/import): a request that passes through the
  // proxy has its body buffered, and cut, at Next.js's proxy body limit (10 MB),
  // while imports stream files of up to 200 MB. The route authenticates every
  // upload itself, and PUBLIC_READ concerns reads only.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/import$).*)"],
};
