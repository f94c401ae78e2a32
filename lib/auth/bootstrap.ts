// The first start: an app without accounts has no one who can write. Either
// the operator said who the first admin is (ADMIN_EMAIL + ADMIN_PASSWORD), or
// the start tells them how to create one. There is never a default password.
import type { Db } from "../db/client";
import { CLI_ACTOR } from "../audit/record";
import { createUser } from "../writes/accounts";

export type BootstrapOutcome =
  | { kind: "has-accounts" }
  | { kind: "created"; email: string }
  | { kind: "instructions"; message: string }
  | { kind: "failed"; message: string };

export const FIRST_ADMIN_INSTRUCTIONS = [
  "No accounts yet: nobody can sign in or enter reports. Create the first admin with",
  "    npm run user:create -- --email you@example.org --role admin",
  "(it asks for a password), or set ADMIN_EMAIL and ADMIN_PASSWORD before `npm start`.",
].join("\n");

export async function ensureFirstAdmin(db: Db, env: Record<string, string | undefined> = process.env): Promise<BootstrapOutcome> {
  if ((await db.user.count()) > 0) return { kind: "has-accounts" };
  const email = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  if (!email || !password) {
    if (email || password) return { kind: "failed", message: "Set both ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin at start.\n" + FIRST_ADMIN_INSTRUCTIONS };
    return { kind: "instructions", message: FIRST_ADMIN_INSTRUCTIONS };
  }
  const result = await createUser(CLI_ACTOR, { email, role: "admin", password });
  if (result.ok) return { kind: "created", email: result.value.email };
  // Several instances starting at once on one database: another one made the
  // account between our count and our insert. That is the outcome we wanted.
  if ((await db.user.count()) > 0) return { kind: "has-accounts" };
  const why = result.error.issues?.map((issue) => `${issue.path === "email" ? "ADMIN_EMAIL" : issue.path === "password" ? "ADMIN_PASSWORD" : issue.path} ${issue.message}`).join("; ");
  return { kind: "failed", message: `Could not create the first admin: ${why ?? result.error.message}` };
}
