// What a new database starts with: reference data from the kept packages, and
// the founding story exactly as far as the text supports it. Nothing invented:
// what the article does not say stays empty.
import { providerOf, type Db } from "./client";
import { writeTransaction, type Tx } from "./transaction";
import { COUNTRIES, REGIONS, type RegionRecord } from "../reference-data";
import { syncObservationFacts } from "../reports/facts";

/**
 * Several instances may start at once on a new database: seeding runs in a
 * write transaction that first takes a lock (SQLite's write lock, taken by
 * writeTransaction; a transaction-scoped advisory lock on PostgreSQL) and then
 * checks again whether another instance has seeded meanwhile.
 */
async function seedingLock(db: Db, tx: Tx): Promise<void> {
  if (providerOf(db) === "postgresql") await tx.$executeRaw`SELECT pg_advisory_xact_lock(427001)`;
}

/** Parents before children, so every foreign key points at a row that exists. */
function regionsTopDown(): RegionRecord[] {
  const depth = (region: RegionRecord): number => {
    let d = 0;
    for (let r: RegionRecord | undefined = region; r?.parentCode; r = REGIONS.find((x) => x.code === r!.parentCode)) d++;
    return d;
  };
  return [...REGIONS].sort((a, b) => depth(a) - depth(b) || a.code.localeCompare(b.code));
}

/** Loads countries and regions when the tables are empty. Returns how many rows it wrote. */
export async function seedReferenceData(db: Db): Promise<number> {
  if ((await db.country.count()) > 0) return 0;
  return writeTransaction(async (tx) => {
    await seedingLock(db, tx);
    if ((await tx.country.count()) > 0) return 0;
    let written = 0;
    for (const region of regionsTopDown()) {
      await tx.region.create({ data: region });
      written++;
    }
    written += (await tx.country.createMany({ data: [...COUNTRIES] })).count;
    return written;
  }, {}, db);
}

export const FOUNDING_EVENT = { date: "2019-04-11", label: "Assange arrested" };

/** The founding story is present when its event is (it is created with the story, in one transaction). */
export async function hasFoundingStory(db: Db): Promise<boolean> {
  return (await db.event.count({ where: FOUNDING_EVENT })) > 0;
}

/**
 * Returns the report's id, or null when the story was there already.
 *
 * Ecuador's deputy minister for information and communication technologies told
 * AFP that the country had been hit by more than 40 million cyberattacks since
 * the arrest of Julian Assange (11 April 2019), coming mainly from the United
 * States, several European countries, Brazil and Ecuador itself. The Hill
 * republished it. Javier Jara (telecommunications ministry) tied the attacks to
 * "threats from those groups linked to Julian Assange".
 */
export async function seedFoundingStory(db: Db): Promise<number | null> {
  return writeTransaction(async (tx) => {
    await seedingLock(db, tx);
    if ((await tx.event.count({ where: FOUNDING_EVENT })) > 0) return null; // another instance seeded it

    const event = await tx.event.create({ data: FOUNDING_EVENT });
    const deputyMinister = await tx.speaker.create({
      data: {
        name: null, // the text does not name the deputy minister
        role: "Deputy Minister for Information and Communication Technologies",
        organisation: null,
        countryCode: "EC",
      },
    });
    const jara = await tx.speaker.create({
      data: { name: "Javier Jara", role: "Official", organisation: "Telecommunications ministry", countryCode: "EC" },
    });
    const afp = await tx.outlet.create({
      data: { name: "Agence France-Presse (AFP)", kind: "wire_agency", homepage: "https://www.afp.com/" },
    });
    const theHill = await tx.outlet.create({
      data: { name: "The Hill", kind: "news_outlet", homepage: "https://thehill.com/" },
    });
    const period = { periodStart: "2019-04-11", periodEnd: null };
    const report = await tx.report.create({
      data: {
        targetCountryCode: "EC",
        metric: "cyberattacks",
        ...period,
        periodLabel: "since the arrest of Julian Assange",
        periodEventId: event.id,
        statedOn: null, // the text does not date the interview
        quote: null, // only a paraphrase was published
        notes:
          "Paraphrase of the AFP interview as republished by The Hill: more than 40 million cyberattacks since the arrest of Julian Assange, coming mainly from the United States, several European countries, Brazil, and Ecuador itself.",
        status: "published",
        speakers: {
          create: [
            { speakerId: deputyMinister.id, position: 0, subject: "figure" },
            {
              speakerId: jara.id,
              position: 1,
              subject: "attribution",
              quote: "threats from those groups linked to Julian Assange",
            },
          ],
        },
        observations: {
          create: [
            { count: 40_000_000n, qualifier: "more_than", ...period, scopeType: "all", position: 0 },
            { count: null, ...period, scopeType: "country", scopeCountryCode: "US", note: "mainly", position: 1 },
            { count: null, ...period, scopeType: "region", scopeRegionCode: "150", note: "several European countries", position: 2 },
            { count: null, ...period, scopeType: "country", scopeCountryCode: "BR", note: "mainly", position: 3 },
            { count: null, ...period, scopeType: "country", scopeCountryCode: "EC", note: "Ecuador itself", position: 4 },
          ],
        },
      },
    });
    const interview = await tx.citation.create({
      data: { reportId: report.id, outletId: afp.id, kind: "interview", position: 0 },
    });
    await tx.citation.create({
      data: { reportId: report.id, outletId: theHill.id, kind: "republished", takenFromId: interview.id, position: 1 },
    });
    await syncObservationFacts(tx, [report.id]);
    return report.id;
  }, {}, db);
}
