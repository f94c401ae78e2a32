// Given accounts made as an operator makes them, when people sign in and
// scripts send tokens, then the app knows who they are — and refuses wrong
// passwords, too many attempts, revoked tokens and cross-site cookie writes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { POST as createReportRoute } from "@/app/api/v1/reports/route";
import { viewerFromHeaders } from "@/lib/auth/viewer";
import { CLI_ACTOR } from "@/lib/audit/record";
import { createUser } from "@/lib/writes/accounts";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { body, type ErrorBody } from "../helpers/http";
import { apiRequest, authPost, bearer, makeUser, ORIGIN, PASSWORD, revoke, signIn, signInRequest, tokenFor } from "../helpers/auth";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.cleanup());

const noParams = { params: Promise.resolve({}) };

describe("accounts", () => {
  it("stores a password hash, never the password, and refuses a second account for the same email", async () => {
    const admin = await makeUser("admin", "First.Admin@Example.org");
    const account = await t.db.account.findFirstOrThrow({ where: { userId: admin.id } });
    expect(account.providerId).toBe("credential");
    expect(account.password).not.toContain(PASSWORD);
    expect(account.password!.length).toBeGreaterThan(40);
    const again = await createUser(CLI_ACTOR, { email: "first.admin@example.org", role: "analyst", password: PASSWORD });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatchObject({ code: "conflict", issues: [{ path: "email" }] });
  });

  it("refuses short passwords and unknown roles with the field named", async () => {
    const result = await createUser(CLI_ACTOR, { email: "x@example.org", role: "owner", password: "short" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.issues?.map((i) => i.path).sort()).toEqual(["password", "role"]);
      expect(result.error.issues?.find((i) => i.path === "password")?.message).toBe("must be at least 12 characters");
    }
  });

  it("records who created the account in the audit history", async () => {
    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { entityType: "user", action: "create" }, orderBy: { id: "asc" } });
    expect(entry).toMatchObject({ via: "cli", actorId: null });
    expect(JSON.stringify(entry.changes)).not.toContain(PASSWORD);
  });
});

describe("signing in", () => {
  it("sets a Secure, httpOnly, SameSite=Lax session cookie stored in the database", async () => {
    const user = await makeUser("analyst");
    const response = await authPost(signInRequest(user.email, user.password));
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.includes("session_token"))!;
    expect(cookie).toMatch(/^__Secure-/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("knows the viewer from the cookie, with the role from the account", async () => {
    const user = await makeUser("analyst");
    const cookie = await signIn(user.email);
    const viewer = await viewerFromHeaders(new Headers({ cookie }));
    expect(viewer).toMatchObject({ user: { email: user.email }, role: "analyst", via: "session" });
    const me = await meRoute(apiRequest("GET", "/api/v1/me", { headers: { cookie } }), noParams);
    expect(await me.json()).toMatchObject({ role: "analyst", via: "session" });
  });

  it("answers a wrong password with 401 and no cookie", async () => {
    const user = await makeUser("admin");
    const response = await authPost(signInRequest(user.email, "wrong password, long enough", { "x-forwarded-for": "198.51.100.1" }));
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("ends the session on sign-out: the old cookie is no longer anyone", async () => {
    const user = await makeUser("admin");
    const cookie = await signIn(user.email);
    const out = await authPost(new Request(`${ORIGIN}/api/auth/sign-out`, { method: "POST", headers: { cookie, origin: ORIGIN, "content-type": "application/json" }, body: "{}" }));
    expect(out.status).toBe(200);
    expect(await viewerFromHeaders(new Headers({ cookie }))).toBeNull();
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("treats a forged session cookie as nobody", async () => {
    const forged = "__Secure-better-auth.session_token=forged.signature";
    expect(await viewerFromHeaders(new Headers({ cookie: forged }))).toBeNull();
  });
});

describe("sign-in rate limits, counted in the database", () => {
  it("refuses the 11th attempt within a minute from one address, even with the right password", async () => {
    const user = await makeUser("analyst");
    const ip = { "x-forwarded-for": "192.0.2.55" };
    for (let i = 0; i < 10; i++) {
      const response = await authPost(signInRequest(`nobody-${i}@example.org`, "wrong password, long enough", ip));
      expect(response.status).toBe(401);
    }
    const blocked = await authPost(signInRequest(user.email, user.password, ip));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("x-retry-after"))).toBeGreaterThan(0);
    expect(await t.db.rateLimit.count()).toBeGreaterThan(0);
  });

  it("refuses the 11th attempt on one account within 15 minutes, whatever the address", async () => {
    const user = await makeUser("admin");
    for (let i = 0; i < 10; i++) {
      const response = await authPost(signInRequest(user.email, "wrong password, long enough", { "x-forwarded-for": `198.18.0.${i + 1}` }));
      expect(response.status).toBe(401);
    }
    const blocked = await authPost(signInRequest(user.email, user.password, { "x-forwarded-for": "198.18.1.1" }));
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).message).toMatch(/Too many sign-in attempts for this account/);
  });

  it("clears an account's count after a successful sign-in", async () => {
    const user = await makeUser("analyst");
    for (let i = 0; i < 9; i++) await authPost(signInRequest(user.email, "wrong password, long enough", { "x-forwarded-for": `198.19.0.${i + 1}` }));
    await signIn(user.email);
    const next = await authPost(signInRequest(user.email, "wrong password, long enough", { "x-forwarded-for": "198.19.1.1" }));
    expect(next.status).toBe(401);
  });
});

describe("API tokens", () => {
  it("act with their owner's role and are stored only as a hash", async () => {
    const analyst = await makeUser("analyst");
    const { token, id } = await tokenFor(analyst.email, "exporter");
    expect(token).toMatch(/^crd_[A-Za-z0-9_-]{43}$/);
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token.slice(10));
    const viewer = await viewerFromHeaders(new Headers(bearer(token)));
    expect(viewer).toMatchObject({ role: "analyst", via: "token", tokenId: id });
  });

  it("follow the owner's current role", async () => {
    const user = await makeUser("analyst");
    const { token } = await tokenFor(user.email);
    await t.db.user.update({ where: { id: user.id }, data: { role: "admin" } });
    expect((await viewerFromHeaders(new Headers(bearer(token))))?.role).toBe("admin");
  });

  it("answer 401 once revoked, and for anything that is not a token", async () => {
    const admin = await makeUser("admin");
    const { token, id } = await tokenFor(admin.email);
    await revoke(id);
    for (const authorization of [`Bearer ${token}`, "Bearer crd_nope", "Basic YTpi", `Bearer ${token.slice(0, -1)}x`]) {
      const response = await meRoute(apiRequest("GET", "/api/v1/me", { headers: { authorization } }), noParams);
      expect(response.status).toBe(401);
      expect((await body<ErrorBody>(response)).error.code).toBe("unauthorized");
    }
  });

  it("stop working when they expire", async () => {
    const admin = await makeUser("admin");
    const { token, id } = await tokenFor(admin.email);
    await t.db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(viewerFromHeaders(new Headers(bearer(token)))).rejects.toMatchObject({ status: 401 });
  });
});

describe("cross-site request forgery", () => {
  it("refuses a cookie-authenticated write from another site, or one that does not say where it is from", async () => {
    const admin = await makeUser("admin");
    const cookie = await signIn(admin.email);
    for (const headers of [{ cookie, origin: "https://evil.example" }, { cookie }, { cookie, "sec-fetch-site": "cross-site" }] as Record<string, string>[]) {
      const response = await createReportRoute(apiRequest("POST", "/api/v1/reports", { body: {}, headers }), noParams);
      expect(response.status).toBe(403);
      expect((await body<ErrorBody>(response)).error.message).toMatch(/another site/);
    }
  });

  it("lets the same site through (and then validates the body)", async () => {
    const admin = await makeUser("admin");
    const cookie = await signIn(admin.email);
    for (const headers of [{ cookie, origin: ORIGIN }, { cookie, "sec-fetch-site": "same-origin" }] as Record<string, string>[]) {
      const response = await createReportRoute(apiRequest("POST", "/api/v1/reports", { body: {}, headers }), noParams);
      expect(response.status).toBe(400);
    }
  });

  it("does not apply to tokens, which a browser never sends by itself", async () => {
    const admin = await makeUser("admin");
    const { token } = await tokenFor(admin.email);
    const response = await createReportRoute(apiRequest("POST", "/api/v1/reports", { body: {}, headers: { ...bearer(token), origin: "https://elsewhere.example" } }), noParams);
    expect(response.status).toBe(400);
  });
});
