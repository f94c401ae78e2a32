// Password hashing (scrypt) costs tens of milliseconds of CPU each time. A
// flood of sign-ins from many addresses — each under its own limit — must not
// take the CPU from everyone else: at most HASHES_AT_ONCE run, at most
// HASHES_WAITING wait their turn, and beyond that sign-in answers 503 with
// Retry-After at once, without hashing anything.
import os from "node:os";
import { APIError } from "better-auth/api";
import { hashPassword, verifyPassword } from "better-auth/crypto";

const envInt = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

// One core is left to everything else: each scrypt hash takes a core of the thread pool while it runs.
export const HASHES_AT_ONCE = envInt("SIGN_IN_MAX_HASHES", Math.max(1, os.availableParallelism() - 1));
export const HASHES_WAITING = envInt("SIGN_IN_MAX_WAITING", 8);
export const BUSY_RETRY_AFTER_SECONDS = 2;

export class PasswordQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(
    readonly atOnce: number,
    readonly maxWaiting: number,
  ) {}

  get size() {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs `work` when a slot is free; refuses at once when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.atOnce) {
      if (this.waiting.length >= this.maxWaiting) {
        throw new APIError("SERVICE_UNAVAILABLE", { message: "Too many sign-ins at once: try again in a few seconds.", code: "SIGN_IN_BUSY" }, { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) });
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line (running stays the same), or frees.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

const shared = globalThis as unknown as { passwordQueue?: PasswordQueue };
export const passwordQueue = (shared.passwordQueue ??= new PasswordQueue(HASHES_AT_ONCE, HASHES_WAITING));

/** better-auth's own scrypt hashing, through the queue. */
export const queuedPassword = {
  hash: (password: string) => passwordQueue.run(() => hashPassword(password)),
  verify: (data: { hash: string; password: string }) => passwordQueue.run(() => verifyPassword(data)),
};
