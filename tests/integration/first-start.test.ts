// Given a database without accounts, when the app starts, then it creates the
// first admin from ADMIN_EMAIL/ADMIN_PASSWORD or says exactly how to create
// one — never a default password. The operator commands print what scripts need.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureFirstAdmin, FIRST_ADMIN_INSTRUCTIONS } from "@/lib/auth/bootstrap";
import { viewerFromHeaders } from "@/lib/auth/viewer";
import { freshDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.cleanup());

describe("the first start", () => {
  it("says how to create the first admin when nothing is configured", async () => {
    expect(await ensureFirstAdmin(t.db, {})).toEqual({ kind: "instructions", message: FIRST_ADMIN_INSTRUCTIONS });
    expect(FIRST_ADMIN_INSTRUCTIONS).toContain("npm run user:create -- --email you@example.org --role admin");
    expect(await t.db.user.count()).toBe(0);
  });

  it("refuses half a configuration, and a weak password, in words", async () => {
    expect(await ensureFirstAdmin(t.db, { ADMIN_EMAIL: "a@example.org" })).toMatchObject({ kind: "failed", message: expect.stringMatching(/both ADMIN_EMAIL and ADMIN_PASSWORD/) });
    expect(await ensureFirstAdmin(t.db, { ADMIN_EMAIL: "a@example.org", ADMIN_PASSWORD: "short" })).toEqual({
      kind: "failed",
      message: "Could not create the first admin: ADMIN_PASSWORD must be at least 12 characters",
    });
    expect(await t.db.user.count()).toBe(0);
  });

  it("creates the admin from the environment once, and leaves accounts alone afterwards", async () => {
    expect(await ensureFirstAdmin(t.db, { ADMIN_EMAIL: "First@Example.org", ADMIN_PASSWORD: "a long first password" })).toEqual({ kind: "created", email: "first@example.org" });
    expect(await ensureFirstAdmin(t.db, { ADMIN_EMAIL: "other@example.org", ADMIN_PASSWORD: "another long password" })).toEqual({ kind: "has-accounts" });
    expect(await t.db.user.findMany({ select: { email: true, role: true } })).toEqual([{ email: "first@example.org", role: "admin" }]);
  });
});

describe("npm run token:create", () => {
  it("prints the token alone on the last line, and that token works", () => {
    const output = execFileSync("npx", ["tsx", "scripts/accounts.ts", "token:create", "--email", "first@example.org", "--name", "importer"], {
      env: { ...process.env },
      encoding: "utf8",
    });
    const lines = output.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^crd_[A-Za-z0-9_-]{43}$/);
    expect(lines.slice(0, -1).join("\n")).toContain('Token "importer" for first@example.org (admin)');
    return viewerFromHeaders(new Headers({ authorization: `Bearer ${lines.at(-1)}` })).then((viewer) => expect(viewer?.role).toBe("admin"));
  });

  it("says what is wrong, and exits non-zero, for an unknown account", () => {
    let failure: { status?: number; stderr?: string } = {};
    try {
      execFileSync("npx", ["tsx", "scripts/accounts.ts", "token:create", "--email", "nobody@example.org", "--name", "x"], { env: { ...process.env }, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure.status).toBe(1);
    expect(failure.stderr).toContain("There is no account for nobody@example.org");
  });
});

describe("instances starting at once", () => {
  it("create the first admin once, and none of them fails for it", async () => {
    const other = await freshDatabase({ seed: false });
    try {
      const env = { ADMIN_EMAIL: "twin@example.org", ADMIN_PASSWORD: "a long twin password" };
      // Both count no accounts before either inserts: the race two instances run.
      const outcomes = await Promise.all([ensureFirstAdmin(other.db, env), ensureFirstAdmin(other.db, env)]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(["created", "has-accounts"]);
      expect(await other.db.user.count()).toBe(1);
    } finally {
      await other.cleanup();
    }
  });
});
