// Creating accounts and API tokens, revoking tokens. Passwords are hashed by
// better-auth's own function (scrypt), so its sign-in verifies them.
import crypto from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { ApiError } from "../api/errors";
import { recordAudit, type Actor } from "../audit/record";
import { writeTransaction } from "../db/transaction";
import { generateToken, hashToken, tokenPrefix } from "../auth/tokens-core";
import { tokenInputSchema, userInputSchema } from "../schemas/accounts";
import { authorise, parseInput, runWrite, type WriteResult } from "./result";

export interface UserJson {
  id: string;
  email: string;
  name: string;
  role: string;
  createdAt: string;
}

export async function createUser(actor: Actor | null, body: unknown): Promise<WriteResult<UserJson>> {
  return runWrite(async () => {
    const who = authorise(actor);
    const input = parseInput(userInputSchema, body, "account");
    const passwordHash = await hashPassword(input.password);
    return writeTransaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email } })) {
        throw new ApiError("conflict", `There is already an account for ${input.email}`, [{ path: "email", message: "already has an account" }]);
      }
      const id = crypto.randomUUID();
      const user = await tx.user.create({
        data: { id, email: input.email, name: input.name ?? input.email.split("@")[0], role: input.role, emailVerified: true },
      });
      // better-auth's email-and-password account: its subject is the user id.
      await tx.account.create({ data: { id: crypto.randomUUID(), userId: id, accountId: id, providerId: "credential", password: passwordHash } });
      const json = { id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt.toISOString() };
      await recordAudit(tx, who, { action: "create", entityType: "user", entityId: id, changes: { email: { before: null, after: user.email }, role: { before: null, after: user.role } }, snapshot: json });
      return json;
    });
  });
}

export interface TokenJson {
  id: string;
  name: string;
  prefix: string;
  owner: { id: string; email: string; role: string };
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedToken extends TokenJson {
  /** The token itself. Shown once: only its hash is stored. */
  token: string;
}

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  user: { id: string; email: string; role: string };
};

export function tokenJson(row: TokenRow): TokenJson {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    owner: { id: row.user.id, email: row.user.email, role: row.user.role },
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function createApiToken(actor: Actor | null, body: unknown): Promise<WriteResult<CreatedToken>> {
  return runWrite(async () => {
    const who = authorise(actor);
    const input = parseInput(tokenInputSchema, body, "token");
    const email = input.email ?? who.email;
    // A token acts, and is audited, as its owner: one admin minting a token in
    // another's name could act as them. Only the operator (command line) may.
    if (who.via !== "cli" && input.email !== undefined && input.email.toLowerCase() !== who.email?.toLowerCase()) {
      throw new ApiError("forbidden", "You can create API tokens only for your own account; another user creates theirs after signing in (or the operator runs npm run token:create).", [
        { path: "email", message: `must be your own account (${who.email ?? "unknown"})` },
      ]);
    }
    if (!email) throw new ApiError("validation_failed", "Say whose token this is", [{ path: "email", message: "must name the token's owner" }]);
    return writeTransaction(async (tx) => {
      const owner = await tx.user.findUnique({ where: { email } });
      if (!owner) throw new ApiError("validation_failed", `There is no account for ${email}`, [{ path: "email", message: `has no account: create it with npm run user:create` }]);
      const token = generateToken();
      const row = await tx.apiToken.create({
        data: {
          id: crypto.randomUUID(),
          name: input.name,
          tokenHash: hashToken(token),
          prefix: tokenPrefix(token),
          userId: owner.id,
          expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000) : null,
        },
        include: { user: true },
      });
      const json = tokenJson(row);
      await recordAudit(tx, who, { action: "create", entityType: "token", entityId: row.id, changes: { name: { before: null, after: row.name }, owner: { before: null, after: owner.email } }, snapshot: json });
      return { ...json, token };
    });
  });
}

export async function revokeApiToken(actor: Actor | null, id: string): Promise<WriteResult<TokenJson>> {
  return runWrite(async () => {
    const who = authorise(actor);
    return writeTransaction(async (tx) => {
      const row = await tx.apiToken.findUnique({ where: { id }, include: { user: true } });
      if (!row) throw new ApiError("not_found", `Token ${id} was not found`);
      if (row.revokedAt) throw new ApiError("conflict", `Token '${row.name}' is already revoked`);
      const revoked = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() }, include: { user: true } });
      const json = tokenJson(revoked);
      await recordAudit(tx, who, { action: "revoke", entityType: "token", entityId: id, changes: { revokedAt: { before: null, after: json.revokedAt } }, snapshot: json });
      return json;
    });
  });
}
