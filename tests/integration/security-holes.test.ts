// Issue 12, item 7: the smaller holes, each as a reader or an attacker meets it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { POST as importRoute } from "@/app/api/v1/import/route";
import { POST as tokensRoute } from "@/app/api/v1/tokens/route";
import { CLI_ACTOR } from "@/lib/audit/record";
import { isSameOrigin } from "@/lib/auth/csrf";
import { writeTransaction } from "@/lib/db/transaction";
import { trackRunningImport } from "@/lib/import/progress";
import { createUser } from "@/lib/writes/accounts";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { apiRequest, authPost, bearer, cookieHeaders, makeUser, signIn, signInRequest, tokenFor, PASSWORD } from "../helpers/auth";

let t: TestDatabase;
let admin: { email: string };
let other: { email: string };
let adminCookie: Record<string, string>;
beforeAll(async () => {
  t = await freshDatabase();
  admin = await makeUser("admin");
  other = await makeUser("admin");
  adminCookie = cookieHeaders(await signIn(admin.email));
});
afterAll(() => t.cleanup());
const noParams = { params: Promise.resolve({}) };

describe("isSameOrigin compares scheme, host and port", () => {
  const from = (origin: string, url = "https://dash.example/api/v1/reports", host = "dash.example") =>
    isSameOrigin(new Request(url, { method: "POST", headers: { origin, host } }));

  it("accepts the site's own origin, with or without its default port", () => {
    expect(from("https://dash.example")).toBe(true);
    expect(from("https://dash.example:443")).toBe(true);
    expect(from("http://127.0.0.1:3000", "http://127.0.0.1:3000/api", "127.0.0.1:3000")).toBe(true);
  });

  it("refuses the same host over plain HTTP, another port, or another host", () => {
    expect(from("http://dash.example")).toBe(false);
    expect(from("https://dash.example:8443")).toBe(false);
    expect(from("https://evil.example")).toBe(false);
    expect(from("not a url")).toBe(false);
  });
});

describe("API tokens are created only for oneself", () => {
  it("refuses, 403 naming the email field, a token in another admin's name; nothing is written", async () => {
    const before = await t.db.apiToken.count();
    for (const headers of [adminCookie, bearer((await tokenFor(admin.email, "mine")).token)]) {
      const response = await tokensRoute(apiRequest("POST", "/api/v1/tokens", { body: { name: "borrowed", email: other.email }, headers }), noParams);
      const body = await response.json();
      expect(response.status, JSON.stringify(body)).toBe(403);
      expect(body.error.code).toBe("forbidden");
      expect(body.error.issues).toEqual([{ path: "email", message: `must be your own account (${admin.email})` }]);
    }
    expect(await t.db.apiToken.count()).toBe(before + 1); // only the one made with the CLI above
  });

  it("still makes one's own token, named or not, and the operator's CLI can name anyone", async () => {
    for (const body of [{ name: "own" }, { name: "own, named", email: admin.email.toUpperCase() }]) {
      const response = await tokensRoute(apiRequest("POST", "/api/v1/tokens", { body, headers: adminCookie }), noParams);
      expect(response.status).toBe(201);
      expect((await response.json()).owner.email).toBe(admin.email);
    }
    expect((await tokenFor(other.email, "operator-made")).token).toMatch(/\S/);
  });
});

describe("the X-File-Name header passes the same check as ?fileName=", () => {
  const csv = "target_country,report_period_start,count,scope_type,speakers,citations\nPE,2020-01-01,5,all,Ana Torres; Minister,Agencia Andina\n";
  const upload = (fileName: string) =>
    importRoute(apiRequest("POST", "/api/v1/import?dryRun=true", { raw: csv, headers: { ...adminCookie, "content-type": "text/csv", "x-file-name": fileName } }), noParams);

  it.each([
    ["a control character", "a\u0001b.csv", "must be a file name without control characters"],
    ["a tab", "a\tb.csv", "must be a file name without control characters"],
    ["over 200 characters", `${"a".repeat(201)}.csv`, "must be at most 200 characters"],
  ])("refuses %s with 400 naming X-File-Name, before any job is stored", async (_what, fileName, message) => {
    const jobs = await t.db.importJob.count();
    const response = await upload(fileName);
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(400);
    expect(body.error.issues).toEqual([{ path: "X-File-Name", message }]);
    expect(await t.db.importJob.count()).toBe(jobs);
  });

  it("keeps a plain name", async () => {
    const response = await upload("reports 2020.csv");
    expect(response.status).toBe(200);
    expect((await t.db.importJob.findFirst({ orderBy: { createdAt: "desc" } }))?.fileName).toBe("reports 2020.csv");
  });
});

describe("signing in while an import writes", () => {
  it("answers 503 with Retry-After at once, while the import still holds the write lock, and works again after", async () => {
    const user = await makeUser("analyst");
    const id = crypto.randomUUID();
    await t.db.importJob.create({ data: { id, dryRun: false, status: "writing", fileName: "big.csv" } });
    const untrack = trackRunningImport(id);
    // Pass 2 of an import: one transaction holding the write lock until it is done.
    let finish!: () => void;
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const importDone = writeTransaction(async (tx) => {
      holding();
      await new Promise<void>((resolve) => (finish = resolve));
      await tx.importJob.update({ where: { id }, data: { status: "done", finishedAt: new Date() } });
    }, { timeout: 120_000 });
    await held;
    let importFinished = false;
    void importDone.then(() => (importFinished = true));
    try {
      const response = await authPost(signInRequest(user.email, PASSWORD));
      const body = await response.json();
      expect(response.status, JSON.stringify(body)).toBe(503);
      expect(response.headers.get("retry-after")).toBe("10");
      expect(body.message).toMatch(/import is being written/);
      expect(importFinished).toBe(false); // it answered while the lock was held, not after
    } finally {
      finish();
      await importDone;
      untrack();
    }
    expect((await authPost(signInRequest(user.email, PASSWORD))).status).toBe(200);
  });
});

describe("passwords that guessing tools try first are refused", () => {
  it.each([
    ["twelve a's", "aaaaaaaaaaaa", "it repeats one character"],
    ["a repeated group", "abcabcabcabc", "it repeats a group of characters"],
    ["a common password with digits", "password1234", "it is a common password with small changes"],
    ["a number sequence", "123456789012", "it is a commonly used password"],
    ["a keyboard row", "qwertyuiopas", "it is a common password with small changes"],
  ])("refuses %s, naming the password field", async (_what, password, reason) => {
    const result = await createUser(CLI_ACTOR, { email: `weak-${Math.random().toString(36).slice(2)}@example.org`, role: "analyst", password });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.status).toBe(400);
    expect(result.error.issues).toEqual([{ path: "password", message: expect.stringContaining(`is too easy to guess: ${reason}`) }]);
  });

  it("accepts a passphrase", async () => {
    const result = await createUser(CLI_ACTOR, { email: `strong-${Math.random().toString(36).slice(2)}@example.org`, role: "analyst", password: "violet tram under seventeen kites" });
    expect(result.ok).toBe(true);
  });

  it("refuses a weak new password through better-auth's change-password, naming newPassword", async () => {
    const user = await makeUser("analyst");
    const cookie = await signIn(user.email);
    const response = await authPost(
      new Request("http://localhost/api/auth/change-password", {
        method: "POST",
        headers: { "content-type": "application/json", ...cookieHeaders(cookie) },
        body: JSON.stringify({ currentPassword: PASSWORD, newPassword: "aaaaaaaaaaaa" }),
      }),
    );
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(400);
    expect(body.issues[0].path).toBe("newPassword");
    // The old password still works.
    expect((await authPost(signInRequest(user.email, PASSWORD))).status).toBe(200);
  });
});

describe("Strict-Transport-Security", () => {
  const saved = process.env.APP_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.APP_URL;
    else process.env.APP_URL = saved;
  });
  const answer = (path: string) => proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { headers: { host: "127.0.0.1:3000" } }));

  it("is sent on pages and API answers when APP_URL is https", async () => {
    process.env.APP_URL = "https://dash.example";
    for (const path of ["/", "/reports/1", "/api/v1/reports", "/sign-in"]) {
      expect((await answer(path)).headers.get("strict-transport-security"), path).toBe("max-age=31536000");
    }
  });

  it("is not sent when the site is plain http (where browsers ignore it) or APP_URL is unset", async () => {
    process.env.APP_URL = "http://127.0.0.1:3000";
    expect((await answer("/")).headers.get("strict-transport-security")).toBeNull();
    delete process.env.APP_URL;
    expect((await answer("/")).headers.get("strict-transport-security")).toBeNull();
  });
});
