// The batch loader behind exports and the sources panel returns the same
// Report JSON as the API's own reader, for every kind of report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getReport } from "@/lib/reports/read";
import { reportsById } from "@/lib/reports/batch";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { addReport } from "../helpers/reports";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  await addReport(t.db, {
    target: "PE",
    periodStart: "2020-01-01",
    periodEnd: "2020-12-31",
    statedOn: "2021-01-10",
    quote: "una cifra",
    organisation: "Ministry of Defence",
    outlet: "Andina",
    observations: [{ count: 4_300_000_000, qualifier: "approximately" }, { count: null, scope: { type: "region", code: "150" }, note: "mainly" }],
  });
});
afterAll(() => t.cleanup());

describe("loading reports in batches", () => {
  it("gives the same Report JSON as the API, in the order asked, skipping missing ids", async () => {
    const batch = await reportsById(t.db, [2, 999, 1]);
    expect(batch.map((r) => r.id)).toEqual([2, 1]);
    expect(batch[0]).toEqual(await getReport(t.db, 2));
    expect(batch[1]).toEqual(await getReport(t.db, 1));
  });
});
