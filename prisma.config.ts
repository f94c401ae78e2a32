// Prisma CLI configuration. Only `prisma generate` is run through the CLI here:
// migrations are created and applied by scripts/db.ts with Prisma's WebAssembly
// schema engine, because the CLI's native engine cannot be downloaded offline.
import path from "node:path";
import { defineConfig } from "prisma/config";

const provider = process.env.PRISMA_PROVIDER === "postgresql" ? "postgresql" : "sqlite";

// `prisma generate` only checks that a schema engine exists; pointing it at any
// existing file skips the download. Set it for generate alone: other commands
// would silently do nothing with it.
if (process.argv.includes("generate") && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.resolve("package.json");
}

export default defineConfig({
  schema: path.join("prisma", provider),
  migrations: { path: path.join("prisma", provider, "migrations") },
});
