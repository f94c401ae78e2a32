// Given the app's better-auth set-up, when someone signs in — over plain http
// on this machine, over https behind a proxy in production, with "remember
// me" off — then every cookie it sets is HttpOnly, SameSite=Lax and Secure
// (with the __Secure- prefix a browser enforces). better-auth would decide
// Secure from the base URL or NODE_ENV; the app decides it itself
// (lib/auth/settings.ts secureCookies), so it never depends on either.
// SECURE_COOKIES=false, the escape hatch for plain http under another host
// name, drops Secure and nothing else.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { authPost, makeUser, signInRequest } from "../helpers/auth";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.cleanup());

const saved = { ...process.env };
afterEach(() => {
  for (const key of ["SECURE_COOKIES", "APP_URL", "NODE_ENV"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  forgetAuth();
});

/** The auth instance reads its settings when made: make the next one afresh. */
function forgetAuth() {
  (globalThis as { authByDb?: WeakMap<object, unknown> }).authByDb?.delete(getPrisma());
}

interface Cookie {
  name: string;
  value: string;
  attributes: string[];
}

function cookiesOf(response: Response): Cookie[] {
  return response.headers.getSetCookie().map((line) => {
    const [pair, ...attributes] = line.split(";").map((part) => part.trim());
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes: attributes.map((a) => a.toLowerCase()) };
  });
}

function expectSafe(cookie: Cookie, secure: boolean) {
  expect(cookie.attributes, cookie.name).toContain("httponly");
  expect(cookie.attributes, cookie.name).toContain("samesite=lax");
  expect(cookie.attributes, cookie.name).toContain("path=/");
  if (secure) {
    expect(cookie.attributes, cookie.name).toContain("secure");
    expect(cookie.name).toMatch(/^__Secure-/);
  } else {
    expect(cookie.attributes, cookie.name).not.toContain("secure");
    expect(cookie.name).not.toMatch(/^__Secure-/);
  }
}

async function signInWith(headers: Record<string, string>, url?: string, body?: Record<string, unknown>) {
  const user = await makeUser("analyst");
  let request = signInRequest(user.email, user.password, headers);
  if (url || body) {
    request = new Request(url ?? request.url, {
      method: "POST",
      headers: request.headers,
      body: JSON.stringify({ email: user.email, password: user.password, ...body }),
    });
  }
  const response = await authPost(request);
  expect(response.status, await response.clone().text()).toBe(200);
  const cookies = cookiesOf(response);
  expect(cookies.map((c) => c.name)).toContainEqual(expect.stringMatching(/session_token$/));
  return cookies;
}

describe("session cookies", () => {
  it("are Secure, HttpOnly and SameSite=Lax over plain http on this machine (browsers accept Secure on localhost and 127.0.0.1)", async () => {
    for (const cookie of await signInWith({})) expectSafe(cookie, true);
  });

  it("are Secure, HttpOnly and SameSite=Lax in production over https behind a proxy", async () => {
    (process.env as Record<string, string>).NODE_ENV = "production";
    process.env.APP_URL = "https://dash.example.org";
    forgetAuth();
    const cookies = await signInWith(
      { origin: "https://dash.example.org", "x-forwarded-proto": "https", "x-forwarded-host": "dash.example.org", "x-forwarded-for": "198.51.100.20" },
      "http://10.0.0.5:3000/api/auth/sign-in/email",
    );
    for (const cookie of cookies) expectSafe(cookie, true);
  });

  it("include the short-lived cookie set when 'remember me' is off, with the same flags", async () => {
    const cookies = await signInWith({}, undefined, { rememberMe: false });
    expect(cookies.map((c) => c.name)).toContainEqual(expect.stringMatching(/dont_remember$/));
    for (const cookie of cookies) expectSafe(cookie, true);
    // A session cookie, not a 7-day one.
    expect(cookies.find((c) => c.name.endsWith("session_token"))!.attributes.some((a) => a.startsWith("max-age"))).toBe(false);
  });

  it("drop only Secure with SECURE_COOKIES=false (plain http under another host name; not recommended)", async () => {
    process.env.SECURE_COOKIES = "false";
    forgetAuth();
    for (const cookie of await signInWith({ "x-forwarded-for": "198.51.100.21" })) expectSafe(cookie, false);
  });

  it("are cleared on sign-out with the same name and flags", async () => {
    const cookies = await signInWith({ "x-forwarded-for": "198.51.100.22" });
    const session = cookies.find((c) => c.name.endsWith("session_token"))!;
    const out = await authPost(
      new Request("http://localhost/api/auth/sign-out", {
        method: "POST",
        headers: { cookie: `${session.name}=${session.value}`, origin: "http://localhost", "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(out.status).toBe(200);
    const cleared = cookiesOf(out).find((c) => c.name === session.name)!;
    expect(cleared.value).toBe("");
    expect(cleared.attributes).toContain("max-age=0");
    expectSafe(cleared, true);
  });
});
