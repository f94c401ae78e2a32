// Given many reports, when clients download full exports at once, then other
// requests still get their turn between the export's reads, a client can run
// at most two exports at once and the instance at most EXPORT_MAX_CONCURRENT,
// and beyond that the answer is 429 with Retry-After — until one finishes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/export/[file]/route";
import { exportSlots } from "@/lib/export/limits";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { routeParams, type ErrorBody } from "../helpers/http";
import { addReport } from "../helpers/reports";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  for (let i = 0; i < 300; i++) await addReport(t.db, { target: "PE", periodStart: "2020-01-01", notes: `report ${i}`, observations: [{ count: i }, { count: null, scope: { type: "country", code: "US" } }] });
});
afterAll(() => t.cleanup());

const full = (client: string) =>
  exportRoute(new Request("http://localhost/api/v1/export/reports.csv?rows=full", { headers: { "x-forwarded-for": client } }), routeParams({ file: "reports.csv" }));

describe("a full export", () => {
  it("lets other work run between its reads of the database", async () => {
    // Count turns of the event loop while the export is read to the end: a read that never yields gets none in between.
    let turns = 0;
    let counting = true;
    const tick = () => {
      turns++;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    const response = await full("192.0.2.1");
    const text = await response.text();
    counting = false;
    expect(text.trim().split(/\r?\n/).length).toBeGreaterThan(1 + 300 * 2); // the header, our rows and the seed's
    expect(turns).toBeGreaterThanOrEqual(6);
    expect(exportSlots.size).toEqual({ running: 0, clients: 0 });
  });

  it("runs at most two at once per client: a third gets 429 with Retry-After, and another client is served", async () => {
    const first = await full("198.51.100.1");
    const second = await full("198.51.100.1");
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await full("198.51.100.1");
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("5");
    expect(((await third.json()) as ErrorBody).error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/at most 2 run at once per client/) });
    const other = await full("198.51.100.2");
    expect(other.status).toBe(200);
    // One download finished, one given up by its client: the client's slots are free again.
    await first.text();
    await second.body!.cancel();
    await other.text();
    expect(exportSlots.size).toEqual({ running: 0, clients: 0 });
    const again = await full("198.51.100.1");
    expect(again.status).toBe(200);
    await again.text();
  });

  it("runs at most EXPORT_MAX_CONCURRENT at once on the instance", async () => {
    process.env.EXPORT_MAX_CONCURRENT = "3";
    try {
      const running = await Promise.all(["203.0.113.1", "203.0.113.2", "203.0.113.3"].map(full));
      expect(running.map((r) => r.status)).toEqual([200, 200, 200]);
      const fourth = await full("203.0.113.4");
      expect(fourth.status).toBe(429);
      expect(fourth.headers.get("retry-after")).toBe("5");
      expect(((await fourth.json()) as ErrorBody).error.message).toMatch(/busy with 3 exports/);
      await Promise.all(running.map((r) => r.text()));
      expect((await full("203.0.113.4")).status).toBe(200);
    } finally {
      delete process.env.EXPORT_MAX_CONCURRENT;
    }
  });
});
