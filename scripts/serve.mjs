// The production server: Next.js behind a small edge that decides the client
// address (lib/net/client-address.mjs) before any route sees the request, so
// a client cannot choose the address its sign-in attempts are counted under.
// `npm start` runs it (scripts/start.ts); `-p`/`-H` (or PORT/HOSTNAME) as for `next start`.
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { setClientAddress, trustedProxies } from "../lib/net/client-address.mjs";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } }, strict: false });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? undefined;
const trust = trustedProxies();

process.env.NODE_ENV = "production";
const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  setClientAddress(req, trust);
  handle(req, res);
});
server.listen(port, hostname, () => console.log(`▲ Ready on http://${hostname ?? "localhost"}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
