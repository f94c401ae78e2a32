// Given several admins (or app instances) saving at the same moment, when
// their reports name the same new outlet and the same new speaker, then every
// save succeeds and the outlet and speaker are created once — on PostgreSQL
// too, where writes could otherwise run side by side (lib/db/transaction.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/reports/route";
import { createPrisma, type Db } from "@/lib/db/client";
import { freshDatabase, TEST_PROVIDER, type TestDatabase } from "../helpers/db";
import { apiRequest, bearer, makeUser, tokenFor } from "../helpers/auth";
import { minimalReport } from "../helpers/payloads";

let t: TestDatabase;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await freshDatabase();
  admin = bearer((await tokenFor((await makeUser("admin", "admin@example.org")).email)).token);
});
afterAll(() => t.cleanup());

const noParams = { params: Promise.resolve({}) };

describe("concurrent creates naming the same new outlet and speaker", () => {
  it("all succeed, and each new reference is stored once", async () => {
    const payload = (n: number) =>
      minimalReport({
        speakers: [{ name: "Rosa Quispe", role: "Cybersecurity Director", organisation: "Ministry of Defence", country: "PE", subject: "figure" }],
        citations: [{ outlet: { name: "Race Wire", kind: "wire_agency" }, kind: "article", url: `https://race.example/${n}` }],
        observations: [{ count: 1000 + n, qualifier: "exact", scope: { type: "all" } }],
      });
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, n) => createRoute(apiRequest("POST", "/api/v1/reports", { body: payload(n), headers: admin }), noParams)),
    );
    const statuses = await Promise.all(responses.map(async (r) => (r.status === 201 ? 201 : `${r.status} ${await r.text()}`)));
    expect(statuses).toEqual(Array(12).fill(201));
    expect(await t.db.outlet.count({ where: { name: "Race Wire" } })).toBe(1);
    expect(await t.db.speaker.count({ where: { name: "Rosa Quispe" } })).toBe(1);
  });

  // Two Prisma clients stand for two app instances: their writes still take turns.
  // PostgreSQL only: several instances share a PostgreSQL database, while one
  // instance owns a SQLite file (and a second client in this process would block
  // the process itself: better-sqlite3 waits for a lock synchronously).
  it.runIf(TEST_PROVIDER === "postgresql")("a second client on the same database (another app instance) queues behind the first", async () => {
    const other: Db = createPrisma(t.config);
    try {
      const { writeTransaction } = await import("@/lib/db/transaction");
      const order: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = writeTransaction(async (tx) => {
        order.push("first starts");
        await held;
        await tx.outlet.create({ data: { name: "Instance A Wire" } });
        order.push("first ends");
      });
      await new Promise((r) => setTimeout(r, 200));
      const second = writeTransaction(
        async (tx) => {
          order.push("second starts");
          await tx.outlet.create({ data: { name: "Instance B Wire" } });
        },
        {},
        other,
      );
      await new Promise((r) => setTimeout(r, 300));
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(["first starts", "first ends", "second starts"]);
    } finally {
      await other.$disconnect();
    }
  });
});
