// Database commands, run through npm scripts:
//   npm run db:migrate -- <name>   create a migration from a change to prisma/models
//   npm run db:deploy              apply pending migrations to DATABASE_URL
//   npm run db:seed                load reference data and the founding story (idempotent)
//   npm run db:backup -- <file>    consistent copy of the database, while the app runs
//   npm run db:restore -- <file>   replace the database's contents with a backup
//   npm run db:copy -- <url>       copy everything into another, new database (e.g. SQLite → PostgreSQL)
import path from "node:path";
import { databaseConfig } from "../lib/db/config";
import { backupDatabase, restoreDatabase } from "../lib/db/backup";
import { copyDatabase } from "../lib/db/copy";
import { prepareDatabase } from "../lib/db/prepare";
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
      // As at start: a database created by these migrations also gets the reference data and the seed.
      const { applied, seededReportId } = await prepareDatabase(config);
      console.log(applied.length ? `Applied to ${where}:\n  ${applied.join("\n  ")}` : `${where} is up to date.`);
      if (seededReportId !== null) console.log(`New database: loaded the reference data and the founding story (report ${seededReportId}).`);
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
    case "backup": {
      if (!args[0]) throw new Error("Usage: npm run db:backup -- <file>");
      const summary = await backupDatabase(config, args[0]);
      console.log(`Backed up ${where} to ${summary.file} (${(summary.bytes / 1_048_576).toFixed(1)} MiB${"reports" in summary ? `, ${summary.reports} reports, integrity ok` : ""}).`);
      break;
    }
    case "restore": {
      if (!args[0]) throw new Error("Usage: npm run db:restore -- <file>");
      const summary = await restoreDatabase(config, args[0]);
      console.log(`Restored ${where} from ${summary.file}${"reports" in summary ? ` (${summary.reports} reports)` : ""}.`);
      break;
    }
    case "copy": {
      if (!args[0]) throw new Error("Usage: npm run db:copy -- <target DATABASE_URL>   (the source is DATABASE_URL)");
      const targetConfig = databaseConfig(args[0]);
      await applyMigrations(config);
      await prepareDatabase(targetConfig, { seed: false });
      const from = createPrisma(config);
      const to = createPrisma(targetConfig);
      try {
        const started = Date.now();
        const results = await copyDatabase(from, to, ({ table, rows }) => console.log(`  ${table}: ${rows.toLocaleString("en-US")} rows`));
        const total = results.reduce((n, r) => n + r.rows, 0);
        console.log(`Copied ${total.toLocaleString("en-US")} rows from ${where} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        console.log(`Point DATABASE_URL at the new database to use it.`);
      } finally {
        await Promise.all([from.$disconnect(), to.$disconnect()]);
      }
      break;
    }
    default:
      throw new Error(`Unknown command "${command ?? ""}". Use migrate <name>, deploy, seed, backup <file>, restore <file> or copy <url>.`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
