// The report form's pickers find speakers, outlets and events whatever the
// case of what is typed, on SQLite and on PostgreSQL alike.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchEvents, searchOutlets, searchSpeakers } from "@/lib/sources/read";
import { freshDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.cleanup());

describe("searching what reports refer to", () => {
  it("ignores case", async () => {
    expect((await searchSpeakers(t.db, { q: "jara" })).map((s) => s.name)).toEqual(["Javier Jara"]);
    expect((await searchSpeakers(t.db, { q: "DEPUTY MINISTER" })).map((s) => s.role)).toEqual([
      "Deputy Minister for Information and Communication Technologies",
    ]);
    expect((await searchOutlets(t.db, { q: "afp" })).map((o) => o.name)).toEqual(["Agence France-Presse (AFP)"]);
    expect((await searchEvents(t.db, { q: "ASSANGE" })).map((e) => e.label)).toEqual(["Assange arrested"]);
  });

  it("finds nothing for what is not there", async () => {
    expect(await searchSpeakers(t.db, { q: "nobody" })).toEqual([]);
  });
});
