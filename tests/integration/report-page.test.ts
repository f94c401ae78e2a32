// A report's page: its competing claims and its citation text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getReport } from "@/lib/reports/read";
import { overlappingReports } from "@/lib/reports/related";
import { citationText } from "@/lib/reports/citation-text";
import { freshDatabase, type TestDatabase } from "../helpers/db";
import { addReport } from "../helpers/reports";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.cleanup());

describe("conflicting or cumulative claims", () => {
  it("lists other reports on the same target whose periods overlap, and nothing else", async () => {
    const later = await addReport(t.db, { target: "EC", periodStart: "2019-04-15", periodEnd: "2019-04-20", statedOn: "2019-04-21", observations: [{ count: 10_000 }] });
    const retracted = await addReport(t.db, { target: "EC", periodStart: "2020-01-01", status: "retracted", observations: [{ count: 1 }] });
    await addReport(t.db, { target: "EC", periodStart: "2018-01-01", periodEnd: "2018-12-31", observations: [{ count: 2 }] }); // before the founding period
    await addReport(t.db, { target: "PE", periodStart: "2019-05-01", periodEnd: "2019-05-31", observations: [{ count: 3 }] }); // another target
    await addReport(t.db, { target: "EC", periodStart: "2019-06-01", status: "draft", observations: [{ count: 4 }] }); // not public

    const founding = (await getReport(t.db, 1))!;
    const related = await overlappingReports(t.db, founding);
    expect(related.map((r) => r.id).sort()).toEqual([later.id, retracted.id].sort());

    const week = (await getReport(t.db, later.id))!;
    expect((await overlappingReports(t.db, week)).map((r) => r.id)).toEqual([1]);
  });
});

describe("citation text", () => {
  it("cites the founding story with what is known and says what is not", async () => {
    const founding = (await getReport(t.db, 1))!;
    const text = citationText(founding, { url: "http://localhost:3000/reports/1", accessedOn: "2026-11-24" });
    expect(text.short).toBe(
      "Unnamed official (Deputy Minister for Information and Communication Technologies (Ecuador)): more than 40,000,000 cyberattacks against Ecuador, since 11 April 2019 (“since the arrest of Julian Assange”). Via Agence France-Presse (AFP) → The Hill, date of statement not recorded. Cyberattack Report Dashboard, report 1.",
    );
    expect(text.long).toContain("Published by Agence France-Presse (AFP); taken up by The Hill. No link recorded.");
    expect(text.long).toContain("report 1 (version 1, status published), http://localhost:3000/reports/1, accessed 24 November 2026.");
  });
});
