// Given import jobs left "reading" or "writing" by a server that died, when
// the app starts or the jobs are read, then they are shown and stored as
// failed with a message saying the import was interrupted — while a job that
// is still alive (its heartbeat recent, on this or another instance) is left
// alone, and a running import keeps beating even when its upload stalls.
import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as progressRoute } from "@/app/api/v1/import/[id]/route";
import { CLI_ACTOR } from "@/lib/audit/record";
import { getPrisma } from "@/lib/db/client";
import { getImportJob, INTERRUPTED_MESSAGE, markInterruptedImports, recentImportJobs, touchImportJob, trackRunningImport } from "@/lib/import/progress";
import { writeTransaction } from "@/lib/db/transaction";
import { runImport } from "@/lib/import/run";
import { importTemplateCsv } from "@/lib/import/template";
import { freshDatabase, TEST_PROVIDER, type TestDatabase } from "../helpers/db";
import { apiRequest, bearer, makeUser, tokenFor } from "../helpers/auth";

let t: TestDatabase;
let admin: Record<string, string>;
const previousStale = process.env.IMPORT_STALE_SECONDS;
beforeAll(async () => {
  t = await freshDatabase();
  admin = bearer((await tokenFor((await makeUser("admin", "importer@example.org")).email)).token);
  process.env.IMPORT_STALE_SECONDS = "1";
});
afterAll(async () => {
  if (previousStale === undefined) delete process.env.IMPORT_STALE_SECONDS;
  else process.env.IMPORT_STALE_SECONDS = previousStale;
  await t.cleanup();
});
afterEach(() => t.db.importJob.deleteMany());

const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000);

async function job(id: string, status: string, touched: Date) {
  await t.db.importJob.create({ data: { id, dryRun: false, status, userEmail: "importer@example.org" } });
  // Set after the insert: @updatedAt would stamp the insert with now.
  await t.db.importJob.update({ where: { id }, data: { updatedAt: touched } });
}

const ids = {
  deadReading: "00000000-0000-4000-8000-000000000001",
  deadWriting: "00000000-0000-4000-8000-000000000002",
  liveElsewhere: "00000000-0000-4000-8000-000000000003",
  liveHere: "00000000-0000-4000-8000-000000000004",
  done: "00000000-0000-4000-8000-000000000005",
};

describe("imports interrupted by a dead server", () => {
  it("are marked failed with a clear message; live ones (recent heartbeat, or running in this process) and finished ones are left alone", async () => {
    await job(ids.deadReading, "reading", secondsAgo(30));
    await job(ids.deadWriting, "writing", secondsAgo(30));
    await job(ids.liveElsewhere, "writing", new Date());
    await job(ids.liveHere, "reading", secondsAgo(30));
    await job(ids.done, "done", secondsAgo(30));
    const untrack = trackRunningImport(ids.liveHere);
    try {
      expect((await markInterruptedImports()).sort()).toEqual([ids.deadReading, ids.deadWriting]);
    } finally {
      untrack();
    }
    const rows = new Map((await t.db.importJob.findMany()).map((row) => [row.id, row]));
    for (const id of [ids.deadReading, ids.deadWriting]) {
      expect(rows.get(id)).toMatchObject({ status: "failed", message: INTERRUPTED_MESSAGE });
      expect(rows.get(id)!.finishedAt).not.toBeNull();
    }
    expect(rows.get(ids.liveElsewhere)).toMatchObject({ status: "writing", message: null, finishedAt: null });
    expect(rows.get(ids.liveHere)).toMatchObject({ status: "reading", message: null });
    expect(rows.get(ids.done)).toMatchObject({ status: "done" });
    expect(INTERRUPTED_MESSAGE).toMatch(/interrupted/i);
    expect(INTERRUPTED_MESSAGE).toMatch(/nothing was written/i);
  });

  it("are shown as interrupted on read at once, and the read starts the sweep that stores it", async () => {
    await job(ids.deadWriting, "writing", secondsAgo(30));
    await job(ids.liveElsewhere, "reading", new Date());
    const response = await progressRoute(apiRequest("GET", `/api/v1/import/${ids.deadWriting}`, { headers: admin }), { params: Promise.resolve({ id: ids.deadWriting }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "failed", message: INTERRUPTED_MESSAGE });
    expect((await recentImportJobs(getPrisma())).map((j) => [j.id, j.status]).sort()).toEqual([
      [ids.deadWriting, "failed"],
      [ids.liveElsewhere, "reading"],
    ]);
    await expect.poll(async () => (await t.db.importJob.findUniqueOrThrow({ where: { id: ids.deadWriting } })).status).toBe("failed");
    expect((await t.db.importJob.findUniqueOrThrow({ where: { id: ids.liveElsewhere } })).status).toBe("reading");
  });

  it("a running import whose upload stalls keeps its heartbeat, so no other instance takes it for dead", async () => {
    const csv = importTemplateCsv();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The header, then nothing for a while (a slow client), then the rest.
    const source = Readable.from(
      (async function* () {
        yield Buffer.from(csv.slice(0, csv.indexOf("\n") + 1));
        await released;
        yield Buffer.from(csv.slice(csv.indexOf("\n") + 1));
      })(),
    );
    const importId = "00000000-0000-4000-8000-000000000006";
    const running = runImport(source, { actor: CLI_ACTOR, dryRun: true, importId });
    await expect.poll(() => getImportJob(getPrisma(), importId)).not.toBeNull();
    const first = (await t.db.importJob.findUniqueOrThrow({ where: { id: importId } })).updatedAt.getTime();
    // Three stale windows without a byte from the client.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const row = await t.db.importJob.findUniqueOrThrow({ where: { id: importId } });
    expect(row.status).toBe("reading");
    expect(row.updatedAt.getTime()).toBeGreaterThan(first);
    expect(Date.now() - row.updatedAt.getTime()).toBeLessThan(1000);
    release();
    expect(await running).toMatchObject({ valid: true });
    expect((await getImportJob(getPrisma(), importId))!.status).toBe("done");
  });
});

// Several instances share a PostgreSQL database, and an import's pass 2 holds
// the write lock (lib/db/transaction.ts) for as long as it writes: its
// heartbeat must not wait for that lock, or the other instances would see the
// live import go stale and show it as interrupted.
describe.runIf(TEST_PROVIDER === "postgresql")("a heartbeat while the write lock is held", () => {
  it("goes through at once", async () => {
    await job("beating", "writing", secondsAgo(30));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = writeTransaction(async () => {
      locked();
      await held;
    });
    await isLocked;
    try {
      const started = Date.now();
      await touchImportJob("beating");
      expect(Date.now() - started).toBeLessThan(5_000);
      const row = await t.db.importJob.findUniqueOrThrow({ where: { id: "beating" } });
      expect(Date.now() - row.updatedAt.getTime()).toBeLessThan(5_000);
    } finally {
      release();
      await holder;
    }
  });
});
