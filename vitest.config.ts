import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    // Each test file gets its own process: its own DATABASE_URL and Prisma client.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
