// Accounts, sessions and tokens for tests, made the way the app makes them:
// users through the same action as `npm run user:create`, sessions through a
// real sign-in on better-auth's handler, tokens as `npm run token:create` does.
import { expect } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { CLI_ACTOR } from "@/lib/audit/record";
import type { Role } from "@/lib/auth/roles";
import { createApiToken, createUser, revokeApiToken } from "@/lib/writes/accounts";

export const ORIGIN = "http://localhost";
export const PASSWORD = "correct horse battery staple";

export interface Identity {
  name: string;
  headers: Record<string, string>;
}

export async function makeUser(role: Role, email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.org`) {
  const result = await createUser(CLI_ACTOR, { email, role, password: PASSWORD });
  if (!result.ok) throw new Error(result.error.message);
  return { email, password: PASSWORD, id: result.value.id };
}

export function signInRequest(email: string, password: string, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": "203.0.113.7", ...headers },
    body: JSON.stringify({ email, password }),
  });
}

/** Signs in and returns the Cookie header a browser would send afterwards. */
export async function signIn(email: string, password = PASSWORD): Promise<string> {
  const response = await authPost(signInRequest(email, password));
  expect(response.status, await response.clone().text()).toBe(200);
  const cookies = response.headers.getSetCookie();
  return cookies.map((cookie) => cookie.split(";")[0]).join("; ");
}

export async function tokenFor(email: string, name = "test"): Promise<{ token: string; id: string }> {
  const result = await createApiToken(CLI_ACTOR, { name, email });
  if (!result.ok) throw new Error(result.error.message);
  return { token: result.value.token, id: result.value.id };
}

export async function revoke(id: string): Promise<void> {
  const result = await revokeApiToken(CLI_ACTOR, id);
  if (!result.ok) throw new Error(result.error.message);
}

export { authGet, authPost };

/** A request to the app's API, with credentials and (for cookies) this site's Origin. */
export function apiRequest(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; raw?: BodyInit } = {}): Request {
  const hasBody = options.body !== undefined || options.raw !== undefined;
  return new Request(new URL(path, ORIGIN), {
    method,
    // Streams need it; Next.js passes request bodies as streams too.
    duplex: "half",
    headers: { ...(hasBody && options.raw === undefined ? { "content-type": "application/json" } : {}), ...(options.headers ?? {}) },
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  } as RequestInit);
}

export const cookieHeaders = (cookie: string) => ({ cookie, origin: ORIGIN });
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
