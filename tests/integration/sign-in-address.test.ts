// Given the production edge in front of the sign-in endpoint (the same
// functions scripts/serve.mjs runs, over a real socket), when a client invents
// a new X-Forwarded-For for every attempt, then its attempts still share one
// bucket; when a trusted CDN and load balancer both append to the header, each
// client still has its own bucket; and when more sign-ins arrive at once than
// the password hashing may take, the rest get 503 with Retry-After at once.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, setClientAddress, trustedProxies } from "@/lib/net/client-address.mjs";
import { passwordQueue } from "@/lib/auth/password-queue";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { authPost, makeUser, ORIGIN } from "../helpers/auth";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.cleanup());

/** The auth route behind the edge, on 127.0.0.1, with the given TRUSTED_PROXIES. */
async function edge(trusted: string) {
  const trust = trustedProxies(trusted);
  const server = http.createServer(async (req, res) => {
    setClientAddress(req, trust);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const response = await authPost(new Request(`${ORIGIN}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    signIn: (email: string, forwardedFor?: string) =>
      fetch(`${url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
        body: JSON.stringify({ email, password: "wrong password, long enough" }),
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("the client address", () => {
  it("is the socket's peer unless the peer is a trusted proxy, then the right-most untrusted address of the chain", () => {
    const request = (remoteAddress: string, xff?: string) => ({ connection: { remoteAddress }, socket: { remoteAddress }, headers: xff ? { "x-forwarded-for": xff } : {} }) as never;
    expect(clientAddress(request("192.0.2.9", "203.0.113.1"), trustedProxies(""))).toBe("192.0.2.9");
    expect(clientAddress(request("10.0.0.2", "203.0.113.1, 198.51.100.7"), trustedProxies("10.0.0.0/8"))).toBe("198.51.100.7");
    expect(clientAddress(request("10.0.0.2", "6.6.6.6, 203.0.113.1, 198.51.100.7"), trustedProxies("10.0.0.0/8, 198.51.100.7"))).toBe("203.0.113.1");
    expect(clientAddress(request("::ffff:192.0.2.9"), trustedProxies(""))).toBe("192.0.2.9");
    expect(() => trustedProxies("10.0.0.0/8, not-an-address")).toThrow("TRUSTED_PROXIES: 'not-an-address' is not an IP address or CIDR range");
  });
});

describe("sign-in attempts per address", () => {
  it("are counted under the socket's address, whatever X-Forwarded-For a client invents per request", async () => {
    const server = await edge("");
    try {
      const statuses: number[] = [];
      // Each attempt for a different account, so only the per-address limit (10 a minute) can refuse them.
      for (let i = 0; i < 12; i++) statuses.push((await server.signIn(`nobody-${i}@example.org`, `198.51.100.${i + 1}`)).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual([429, 429]);
    } finally {
      await server.close();
      await t.db.rateLimit.deleteMany();
    }
  });

  it("behind a trusted CDN and load balancer (two entries appended), are counted per client: one client's bad tries lock out only that client", async () => {
    // The socket (127.0.0.1) is the load balancer; 192.0.2.10 is the CDN that appended the client.
    const server = await edge("127.0.0.1, 192.0.2.10");
    try {
      const user = await makeUser("analyst");
      for (let i = 0; i < 10; i++) expect((await server.signIn(`nobody-${i}@example.org`, "203.0.113.50, 192.0.2.10")).status).toBe(401);
      expect((await server.signIn(user.email, "203.0.113.50, 192.0.2.10")).status).toBe(429);
      // Another client, through the same CDN: its own bucket.
      expect((await server.signIn(user.email, "203.0.113.51, 192.0.2.10")).status).toBe(401);
    } finally {
      await server.close();
      await t.db.rateLimit.deleteMany();
    }
  });
});

describe("password hashing under a flood", () => {
  it("answers 503 SIGN_IN_BUSY with Retry-After at once when every hashing slot and place in line is taken", async () => {
    const user = await makeUser("analyst");
    const server = await edge("");
    const release: Array<() => void> = [];
    const held = Array.from({ length: passwordQueue.atOnce + passwordQueue.maxWaiting }, () => passwordQueue.run(() => new Promise<void>((resolve) => release.push(resolve))));
    try {
      const response = await server.signIn(user.email);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("2");
      expect(await response.json()).toMatchObject({ code: "SIGN_IN_BUSY" });
    } finally {
      // Let the held slots go: first those running, then those that get a slot as they free.
      let released = 0;
      while (released < held.length) {
        const ready = release.splice(0);
        ready.forEach((go) => go());
        released += ready.length;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await Promise.all(held);
      await server.close();
    }
    expect(passwordQueue.size).toEqual({ running: 0, waiting: 0 });
    // Free again: the same sign-in is checked (wrong password) instead of refused.
    const server2 = await edge("");
    try {
      expect((await server2.signIn(user.email)).status).toBe(401);
    } finally {
      await server2.close();
    }
  });
});
