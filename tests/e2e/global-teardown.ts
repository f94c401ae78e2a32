import fs from "node:fs";

/** Removes the run's temporary database folder once the web server has stopped. */
export default function globalTeardown(): void {
  if (process.env.E2E_DIR) fs.rmSync(process.env.E2E_DIR, { recursive: true, force: true });
}
