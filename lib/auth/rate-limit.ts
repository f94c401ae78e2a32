// Rate-limit counters in the database, so every app instance counts the same
// attempts. One atomic statement per attempt: concurrent attempts cannot all
// read a stale count before any of them writes.
import crypto from "node:crypto";
import type { Db } from "../db/client";
import { writeTransaction } from "../db/transaction";

export interface RateLimitRule {
  /** Length of the window, in seconds. */
  window: number;
  /** Attempts allowed per window. */
  max: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the window ends, when refused. */
  retryAfter: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Counts one attempt against `key` in a fixed window that starts at the first
 * attempt. Refused attempts count too, so hammering does not help; the window
 * does not slide, so a refused caller knows when to come back.
 */
export async function consumeRateLimit(writer: Db, key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
  const now = Date.now();
  const windowMs = rule.window * 1000;
  const { count, windowStart } = await writeTransaction(
    async (tx) => {
      // SET expressions read the row as it was before the update, on SQLite and PostgreSQL alike.
      const rows = await tx.$queryRaw<Array<{ count: bigint | number; lastRequest: bigint | number }>>`
        INSERT INTO "RateLimit" ("id", "key", "count", "lastRequest") VALUES (${crypto.randomUUID()}, ${key}, 1, ${now})
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE WHEN ${now} - "RateLimit"."lastRequest" >= ${windowMs} THEN 1 ELSE "RateLimit"."count" + 1 END,
          "lastRequest" = CASE WHEN ${now} - "RateLimit"."lastRequest" >= ${windowMs} THEN ${now} ELSE "RateLimit"."lastRequest" END
        RETURNING "count", "lastRequest"`;
      // Old counters are useless; drop them now and then rather than on every attempt.
      if (crypto.randomInt(100) === 0) await tx.$executeRaw`DELETE FROM "RateLimit" WHERE "lastRequest" < ${now - DAY_MS}`;
      return { count: Number(rows[0].count), windowStart: Number(rows[0].lastRequest) };
    },
    {},
    writer,
  );
  if (count <= rule.max) return { allowed: true, retryAfter: null };
  return { allowed: false, retryAfter: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
}

export async function clearRateLimit(writer: Db, key: string): Promise<void> {
  await writeTransaction((tx) => tx.rateLimit.deleteMany({ where: { key } }), {}, writer);
}

/** Sign-in attempts per address (better-auth keys them by client IP and path). */
export const SIGN_IN_PER_IP: RateLimitRule = { window: 60, max: 10 };
/** Sign-in attempts per account, whatever the address: guessing one password from many addresses. */
export const SIGN_IN_PER_ACCOUNT: RateLimitRule = { window: 15 * 60, max: 10 };

export function accountKey(email: string): string {
  return `sign-in:${crypto.createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}
