// Given two app instances (`npm start`) on one PostgreSQL database, as behind
// a load balancer: a session made on one is valid on the other, a write on one
// is read on the other, concurrent edits through both give one success and
// one 409, and sign-in limits count across both. Nothing is kept in process
// memory. Skipped, saying why, where no PostgreSQL server answers — except in
// CI (REQUIRE_POSTGRES=1), which fails instead.
import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { reachable } from "../../lib/db/postgres";
import { createDatabase, dropDatabase } from "../../lib/db/postgres";
import { E2E_ADMIN } from "../../playwright.config";

const SERVER = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const DATABASE = `crd_two_instances_${process.pid}`;

interface Instance {
  url: string;
  child: ChildProcess;
  log: string[];
}

async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startInstance(databaseUrl: string): Promise<Instance> {
  const port = await freePort();
  const log: string[] = [];
  const child = spawn("npx", ["tsx", "scripts/start.ts", "start", "-H", "127.0.0.1"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, ADMIN_EMAIL: E2E_ADMIN.email, ADMIN_PASSWORD: E2E_ADMIN.password, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so stopping it stops next start too
  });
  child.stdout!.on("data", (chunk) => log.push(String(chunk)));
  child.stderr!.on("data", (chunk) => log.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    if (child.exitCode !== null) throw new Error(`instance exited:\n${log.join("")}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok).catch(() => false)) return { url, child, log };
  }
  throw new Error(`instance did not start:\n${log.join("")}`);
}

function stop(instance: Instance | undefined): void {
  if (instance?.child.pid && instance.child.exitCode === null) process.kill(-instance.child.pid, "SIGTERM");
}

let a: Instance | undefined;
let b: Instance | undefined;
let available = false;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  available = await reachable(SERVER);
  if (!available) {
    if (process.env.REQUIRE_POSTGRES === "1") throw new Error(`No PostgreSQL server answers at ${SERVER}, and REQUIRE_POSTGRES=1.`);
    return;
  }
  const databaseUrl = await createDatabase(SERVER, DATABASE);
  // One after the other, as a deployment would: the first migrates and seeds, the second finds it done.
  a = await startInstance(databaseUrl);
  b = await startInstance(databaseUrl);
});

test.afterAll(async () => {
  stop(a);
  stop(b);
  if (available) {
    await new Promise((r) => setTimeout(r, 500));
    await dropDatabase(SERVER, DATABASE);
  }
});

test.beforeEach(() => {
  test.skip(!available, `No PostgreSQL server answers at ${SERVER}: set TEST_DATABASE_URL to run the two-instance test.`);
});

/** Signs in on one instance; returns the Cookie header a browser would send back. */
async function signIn(instance: Instance, password = E2E_ADMIN.password): Promise<{ status: number; cookie: string }> {
  const response = await fetch(`${instance.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: instance.url },
    body: JSON.stringify({ email: E2E_ADMIN.email, password }),
  });
  return { status: response.status, cookie: response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
}

/** A cookie-authenticated call, same-origin as a browser page of that instance would make it. */
function call(instance: Instance, method: string, path: string, cookie: string, body?: unknown): Promise<Response> {
  return fetch(`${instance.url}${path}`, {
    method,
    headers: { cookie, origin: instance.url, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

test("both instances serve the same PostgreSQL database", async () => {
  for (const instance of [a!, b!]) {
    expect(await (await fetch(`${instance.url}/api/health`)).json()).toEqual({ status: "ok", database: "postgresql" });
  }
  const seeded = await (await fetch(`${b!.url}/api/v1/reports?target=EC`)).json();
  expect(seeded.data).toHaveLength(1); // seeded once, by the first instance
});

test("a session made on one instance is valid on the other", async () => {
  const { status, cookie } = await signIn(a!);
  expect(status).toBe(200);
  const me = await call(b!, "GET", "/api/v1/me", cookie);
  expect(me.status).toBe(200);
  expect(await me.json()).toMatchObject({ user: { email: E2E_ADMIN.email }, role: "admin", via: "session" });
  // Signed out on one, signed out on both.
  expect((await call(a!, "POST", "/api/auth/sign-out", cookie, {})).status).toBe(200);
  expect((await call(b!, "GET", "/api/v1/me", cookie)).status).toBe(401);
});

test("a write on one instance is read on the other, and concurrent edits give one success and one 409", async () => {
  const { cookie } = await signIn(b!);
  const created = await call(a!, "POST", "/api/v1/reports", cookie, {
    targetCountry: "PE",
    periodStart: "2020-01-01",
    periodEnd: "2020-12-31",
    status: "published",
    speakers: [{ name: "Ana Torres", role: "Minister of Defence", subject: "figure" }],
    citations: [{ outlet: { name: "Agencia Andina" }, kind: "press_release", url: "https://andina.example/nota/1" }],
    observations: [{ count: 1200, qualifier: "approximately", scope: { type: "all" } }],
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const { id, version } = await created.json();

  const read = await fetch(`${b!.url}/api/v1/reports/${id}`);
  expect(read.status).toBe(200);
  expect((await read.json()).observations[0]).toMatchObject({ count: 1200, qualifier: "approximately" });

  const [first, second] = await Promise.all([
    call(a!, "PATCH", `/api/v1/reports/${id}`, cookie, { version, notes: "edited through instance A" }),
    call(b!, "PATCH", `/api/v1/reports/${id}`, cookie, { version, notes: "edited through instance B" }),
  ]);
  expect([first.status, second.status].sort()).toEqual([200, 409]);
  const loser = first.status === 409 ? first : second;
  expect((await loser.json()).error).toMatchObject({ code: "conflict", currentVersion: version + 1 });
  const final = await (await fetch(`${a!.url}/api/v1/reports/${id}`)).json();
  expect(final.version).toBe(version + 1);
  expect(final.notes).toBe(first.status === 200 ? "edited through instance A" : "edited through instance B");
});

test("sign-in limits count across both instances", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) statuses.push((await signIn(i % 2 ? a! : b!, "a wrong password")).status);
  // Alternating instances, each saw six attempts: only counters shared in the
  // database reach the limit of ten, after which both refuse.
  const firstRefusal = statuses.indexOf(429);
  expect(firstRefusal, statuses.join(" ")).toBeGreaterThan(6);
  expect(statuses.slice(0, firstRefusal).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(firstRefusal).every((s) => s === 429)).toBe(true);
});
