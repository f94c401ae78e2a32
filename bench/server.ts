// Starts the built app with `next start` on a free port against a given database.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { nextBin, serverNodeArgs } from "../scripts/next";

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
  stop(): Promise<void>;
}

export async function startApp(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  // The same server `npm start` runs, with the same Node options.
  const child: ChildProcess = spawn(process.execPath, [...serverNodeArgs(), nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  let stopping = false;
  child.stderr?.on("data", (chunk) => (stderr = (stderr + String(chunk)).slice(-20_000)));
  // A server that dies under measurement says so, with what it last printed.
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`\nThe app server (pid ${child.pid}) exited unexpectedly: code ${code}, signal ${signal}.\n${stderr.slice(-4000)}`);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("next start did not answer within 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        // Next.js waits for open connections before it exits; a benchmark does not wait for ever.
        setTimeout(() => child.kill("SIGKILL"), 15_000).unref();
      }),
  };
}
