// API tokens: random, shown once, stored only as a SHA-256 hash. A token this
// long needs no slow hash: guessing 256 random bits is out of reach, and a
// fast hash keeps each request's lookup cheap.
import crypto from "node:crypto";

export const TOKEN_PREFIX = "crd_";
const TOKEN_PATTERN = /^crd_[A-Za-z0-9_-]{43}$/;

export function generateToken(): string {
  return TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function looksLikeToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** Enough of the token to tell tokens apart in a list, far too little to use. */
export function tokenPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}
