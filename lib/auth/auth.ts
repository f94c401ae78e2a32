// better-auth, configured for this app: email and password accounts created by
// an operator (no self sign-up), sessions in the database, sign-in attempts
// limited per address and per account, Secure httpOnly SameSite=Lax cookies.
import crypto from "node:crypto";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { databaseProvider, getPrisma, getWriter, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { routedClient } from "../db/writes";
import { accountKey, clearRateLimit, consumeRateLimit, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_IP } from "./rate-limit";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./limits";
import { queuedPassword } from "./password-queue";
import { requestOrigin } from "./csrf";
import { secureCookies, trustedOrigins } from "./settings";

const DAY = 24 * 60 * 60;

/** Endpoints better-auth offers that this app does not use: fewer doors to guard. */
const DISABLED_PATHS = [
  "/sign-up/email",
  "/update-user",
  "/change-email",
  "/delete-user",
  "/request-password-reset",
  "/reset-password",
  "/send-verification-email",
  "/verify-email",
];

/**
 * The secret that signs session cookies. Every instance must use the same one:
 * BETTER_AUTH_SECRET when set, otherwise one generated on first use and kept in
 * the database (which every instance shares). Never a default.
 */
export async function authSecret(db: Db, writer: Db): Promise<string> {
  const fromEnv = process.env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters long");
    return fromEnv;
  }
  const existing = await db.appSetting.findUnique({ where: { key: "auth_secret" } });
  if (existing) return existing.value;
  const generated = crypto.randomBytes(32).toString("base64url");
  // Two instances starting at once both try; the first insert wins and both read it.
  return writeTransaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "AppSetting" ("key", "value", "createdAt") VALUES ('auth_secret', ${generated}, CURRENT_TIMESTAMP) ON CONFLICT ("key") DO NOTHING`;
    return (await tx.appSetting.findUniqueOrThrow({ where: { key: "auth_secret" } })).value;
  }, {}, writer);
}

function createAuth(db: Db, writer: Db, secret: string) {
  const appUrl = process.env.APP_URL?.trim().replace(/\/+$/, "") || undefined;
  return betterAuth({
    appName: "Reported cyberattacks",
    baseURL: appUrl,
    secret,
    database: prismaAdapter(routedClient(db, writer), { provider: databaseProvider() }),
    telemetry: { enabled: false },
    logger: {
      // Failed sign-ins are logged as warnings: worth keeping in production, noise in tests.
      disabled: process.env.NODE_ENV === "test",
      log: (level, message, ...args) => {
        // Deliberate here: without APP_URL the origin is the one the browser used (see trustedOrigins).
        if (message.includes("Base URL is not set")) return;
        (level === "error" ? console.error : level === "warn" ? console.warn : console.log)(`[auth] ${message}`, ...args);
      },
    },
    // The site's own origin is the one the browser used (its Host), as in lib/auth/csrf.ts.
    trustedOrigins: async (request) => [...(appUrl ? [appUrl] : []), ...trustedOrigins(), ...(request ? [requestOrigin(request)] : [])],
    disabledPaths: DISABLED_PATHS,
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      // At most a few hashes at once; a flood gets 503 instead of the CPU (lib/auth/password-queue.ts).
      password: queuedPassword,
    },
    user: {
      additionalFields: {
        // Set by operators (npm run user:create), never by the user.
        role: { type: "string", required: false, defaultValue: "analyst", input: false },
      },
    },
    session: { expiresIn: 7 * DAY, updateAge: DAY },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": SIGN_IN_PER_IP },
      customStorage: { consume: (key, rule) => consumeRateLimit(writer, `ip:${key}`, rule) },
    },
    advanced: {
      useSecureCookies: secureCookies(),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        if (!email) return;
        const decision = await consumeRateLimit(writer, accountKey(email), SIGN_IN_PER_ACCOUNT);
        if (!decision.allowed) {
          throw new APIError("TOO_MANY_REQUESTS", {
            message: `Too many sign-in attempts for this account. Try again in ${Math.ceil((decision.retryAfter ?? 60) / 60)} minute(s).`,
            code: "TOO_MANY_ATTEMPTS",
          }, { "X-Retry-After": String(decision.retryAfter ?? 60) });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        // A successful sign-in clears the account's counter, so its owner is never locked out by old failures.
        if (ctx.path === "/sign-in/email" && ctx.context.newSession && typeof ctx.body?.email === "string") {
          await clearRateLimit(writer, accountKey(ctx.body.email));
        }
      }),
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const cache = globalThis as unknown as { authByDb?: WeakMap<Db, Promise<Auth>> };

/** The auth instance for the process's database (tests switch databases; each gets its own). */
export function getAuth(db: Db = getPrisma(), writer: Db = getWriter()): Promise<Auth> {
  cache.authByDb ??= new WeakMap();
  let auth = cache.authByDb.get(db);
  if (!auth) {
    auth = authSecret(db, writer).then((secret) => createAuth(db, writer, secret));
    auth.catch(() => cache.authByDb?.delete(db));
    cache.authByDb.set(db, auth);
  }
  return auth;
}
