// Starts the built app with its production server (scripts/serve.mjs, as `npm start` does) on a free port against a given database.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { serveScript, serverNodeArgs } from "../scripts/next";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export interface RunningApp {
  url: string;
  pid: number;
  /** SIGTERM, as an operator stops it; SIGKILL if it has not exited within 15 s (Next.js waits for open connections). */
  stop(): Promise<void>;
  /** SIGKILL of the server's whole process group (the server and any child of it); resolves once it is gone. */
  kill(): Promise<void>;
  /** The last 20,000 characters it printed to stderr. */
  stderr(): string;
}

/**
 * `next start` of the built app on a free port of 127.0.0.1 — the server
 * `npm start` runs, with the same Node options — in a process group of its own,
 * so a SIGKILL reaches exactly this server and its children. Resolves once it
 * answers /api/health.
 */
export async function startApp(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...serverNodeArgs(), serveScript, "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  let stopping = false;
  child.stderr?.on("data", (chunk) => (stderr = (stderr + String(chunk)).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A server that dies under measurement says so, with what it last printed.
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`\nThe app server (pid ${child.pid}) exited unexpectedly: code ${code}, signal ${signal}.\n${stderr.slice(-4000)}`);
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal); // the group this spawn created: exactly our server and its children
    } catch {
      // already gone
    }
  };
  const app: RunningApp = {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async kill() {
      stopping = true;
      signalGroup("SIGKILL");
      await exited;
    },
    async stop() {
      stopping = true;
      signalGroup("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000).unref())]);
      signalGroup("SIGKILL");
      await exited;
    },
    stderr: () => stderr,
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`next start exited: ${stderr}`);
    try {
      if ((await fetch(`${app.url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await app.kill();
      throw new Error(`next start did not answer within 90 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return app;
}
