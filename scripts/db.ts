// Database commands, run through npm scripts:
//   npm run db:migrate -- <name>   create a migration from a change to prisma/models
//   npm run db:deploy              apply pending migrations to DATABASE_URL
//   npm run db:seed                load reference data and the founding story (idempotent)
import path from "node:path";
import { databaseConfig } from "../lib/db/config";
import { createPrisma } from "../lib/db/client";
import { applyMigrations, createMigration } from "../lib/db/migrate";
import { hasFoundingStory, seedFoundingStory, seedReferenceData } from "../lib/db/seed";

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const config = databaseConfig();
  const where = config.filePath ?? config.url.replace(/\/\/[^@/]*@/, "//…@");
  switch (command) {
    case "migrate": {
      const name = args[0];
      if (!name) throw new Error("Usage: npm run db:migrate -- <name>   (e.g. add_event_kind)");
      const folder = await createMigration(config, name);
      console.log(folder ? `Created ${path.relative(process.cwd(), folder)}` : "The schema has no changes: no migration created.");
      if (folder) console.log("Review it, then apply it with `npm run db:deploy` (the app also applies it at start).");
      break;
    }
    case "deploy": {
      const applied = await applyMigrations(config);
      console.log(applied.length ? `Applied to ${where}:\n  ${applied.join("\n  ")}` : `${where} is up to date.`);
      break;
    }
    case "seed": {
      await applyMigrations(config);
      const db = createPrisma(config);
      try {
        const rows = await seedReferenceData(db);
        if (rows) console.log(`Loaded ${rows} countries and regions.`);
        if (await hasFoundingStory(db)) console.log("The founding story is already there.");
        else console.log(`Added the founding story as report ${await seedFoundingStory(db)}.`);
      } finally {
        await db.$disconnect();
      }
      break;
    }
    default:
      throw new Error(`Unknown command "${command ?? ""}". Use migrate <name>, deploy or seed.`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
