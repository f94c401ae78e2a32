// A deterministic synthetic dataset for demos and benchmarks. Every report is
// flagged `synthetic` and says so in its notes; speakers and outlets are named
// "Synthetic …" so no one can mistake them for real sources.
import { METRIC_KEYS, type Qualifier } from "../domain";
import { COUNTRIES, REGIONS } from "../reference-data";
import { pick, pickWeighted, seededRandom } from "./random";

export interface DemoOptions {
  reports: number;
  /** Average observations per report (the headline included). */
  observationsPerReport: number;
  seed: number;
  /** The first and last year periods may start in. */
  fromYear: number;
  toYear: number;
}

/** Where db:demo writes: the --database flag, else DATABASE_URL (as every db: command), else data/demo.db. */
export function demoDatabaseUrl(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.DATABASE_URL || "file:./data/demo.db";
}

export const DEFAULT_DEMO_OPTIONS: DemoOptions = {
  reports: 100_000,
  observationsPerReport: 10,
  seed: 42,
  fromYear: 2006,
  toYear: 2025,
};

export interface DemoSpeaker { id: number; name: string | null; role: string; organisation: string; countryCode: string }
export interface DemoOutlet { id: number; name: string; kind: string }
export interface DemoReport {
  id: number;
  targetCountryCode: string;
  metric: string;
  periodStart: string;
  periodEnd: string | null;
  periodLabel: string | null;
  statedOn: string | null;
  status: string;
  retractionReason: string | null;
  notes: string;
  speakers: Array<{ speakerId: number; subject: string }>;
  citations: Array<{ id: number; outletId: number; kind: string; url: string | null; publishedOn: string | null; takenFromId: number | null }>;
  observations: Array<{
    count: number | null;
    /** null exactly when count is null. */
    qualifier: Qualifier | null;
    periodStart: string;
    periodEnd: string | null;
    scopeType: "all" | "country" | "region";
    scopeCountryCode: string | null;
    scopeRegionCode: string | null;
  }>;
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const QUALIFIER_WEIGHTS: ReadonlyArray<readonly [Qualifier, number]> = [
  ["exact", 4],
  ["approximately", 3],
  ["more_than", 3],
  ["at_least", 1],
  ["up_to", 1],
];

const ROLES = ["Minister", "Deputy minister", "Spokesperson", "Director of cybersecurity", "Head of national CERT", "Senior official"];
const ORGS = ["Ministry of Interior", "Ministry of Telecommunications", "National CERT", "Cybersecurity Agency", "Ministry of Defence"];
const OUTLET_KINDS = ["wire_agency", "news_outlet", "news_outlet", "broadcaster", "government"];

export function demoSpeakers(options: DemoOptions): DemoSpeaker[] {
  const random = seededRandom(options.seed + 1);
  return Array.from({ length: 2_000 }, (_, i) => ({
    id: i + 1,
    name: random() < 0.3 ? null : `Synthetic Speaker ${i + 1}`,
    role: pick(random, ROLES),
    organisation: `Synthetic ${pick(random, ORGS)}`,
    countryCode: pick(random, COUNTRIES).code,
  }));
}

export function demoOutlets(options: DemoOptions): DemoOutlet[] {
  const random = seededRandom(options.seed + 2);
  return Array.from({ length: 200 }, (_, i) => ({ id: i + 1, name: `Synthetic Outlet ${i + 1}`, kind: pick(random, OUTLET_KINDS) }));
}

/**
 * Yields reports one at a time (memory stays flat for any size). Ids are
 * offsets from the given starting ids, so they can be written in bulk.
 */
export function* demoReports(
  options: DemoOptions,
  start: { reportId: number; citationId: number; speakers: number; outlets: number },
): Generator<DemoReport> {
  const random = seededRandom(options.seed);
  const first = Date.UTC(options.fromYear, 0, 1);
  const today = Date.now();
  // No period may end in the future: the app refuses such reports.
  const last = Math.min(Date.UTC(options.toYear, 11, 31), Math.floor(today / DAY) * DAY);
  const sourceRegions = REGIONS.filter((r) => r.kind !== "world");
  let citationId = start.citationId;

  for (let i = 0; i < options.reports; i++) {
    const id = start.reportId + i;
    const shape = pickWeighted(random, [["day", 3], ["month", 4], ["year", 2], ["open", 1], ["daily", 1]] as const);
    const lengthDays = shape === "day" ? 0 : shape === "month" ? 29 : shape === "year" ? 364 : shape === "daily" ? 9 : 0;
    const startMs = first + Math.floor(random() * ((last - lengthDays * DAY - first) / DAY + 1)) * DAY;
    const periodStart = isoDay(startMs);
    const periodEnd = shape === "open" ? null : isoDay(startMs + lengthDays * DAY);
    const endMs = startMs + lengthDays * DAY;
    const statedOn = random() < 0.9 ? isoDay(Math.min(today, endMs + Math.floor(random() * 20) * DAY)) : null;
    const status = pickWeighted(random, [["published", 95], ["draft", 3], ["retracted", 2]] as const);
    const headline = Math.floor(10 ** (3 + random() * 6));
    const observations: DemoReport["observations"] = [
      { count: headline, qualifier: pickWeighted(random, QUALIFIER_WEIGHTS), periodStart, periodEnd, scopeType: "all", scopeCountryCode: null, scopeRegionCode: null },
    ];
    const wanted = Math.max(1, Math.round(options.observationsPerReport * (0.5 + random())));
    if (shape === "daily") {
      for (let d = 0; d <= lengthDays && observations.length < wanted; d++) {
        const day = isoDay(startMs + d * DAY);
        observations.push({ count: Math.floor(headline / 10 * (0.5 + random())), qualifier: "exact", periodStart: day, periodEnd: day, scopeType: "all", scopeCountryCode: null, scopeRegionCode: null });
      }
    }
    // Each source at most once per report, as the app's own rules require.
    const named = new Set<string>();
    while (observations.length < wanted) {
      const region = random() < 0.15;
      const code = region ? pick(random, sourceRegions).code : pick(random, COUNTRIES).code;
      if (named.has(code)) continue;
      named.add(code);
      const withoutFigure = random() < 0.2;
      observations.push({
        count: withoutFigure ? null : Math.floor(headline * random() * 0.5),
        qualifier: withoutFigure ? null : pickWeighted(random, QUALIFIER_WEIGHTS),
        periodStart,
        periodEnd,
        scopeType: region ? "region" : "country",
        scopeCountryCode: region ? null : code,
        scopeRegionCode: region ? code : null,
      });
    }
    const speakerCount = random() < 0.8 ? 1 : 2;
    const firstSpeaker = Math.floor(random() * start.speakers);
    const speakers = Array.from({ length: speakerCount }, (_, s) => ({
      speakerId: 1 + ((firstSpeaker + s) % start.speakers),
      subject: s === 0 ? "figure" : "attribution",
    }));
    const origin = citationId++;
    const citations: DemoReport["citations"] = [
      { id: origin, outletId: 1 + Math.floor(random() * start.outlets), kind: pick(random, ["interview", "press_release", "article"]), url: `https://example.org/synthetic/${id}`, publishedOn: statedOn, takenFromId: null },
    ];
    if (random() < 0.5) {
      citations.push({ id: citationId++, outletId: 1 + Math.floor(random() * start.outlets), kind: "republished", url: `https://example.com/synthetic/${id}`, publishedOn: statedOn, takenFromId: origin });
    }
    yield {
      id,
      targetCountryCode: pick(random, COUNTRIES).code,
      metric: pick(random, METRIC_KEYS),
      periodStart,
      periodEnd,
      periodLabel: shape === "open" ? "since the synthetic event" : null,
      statedOn,
      status,
      retractionReason: status === "retracted" ? "Synthetic retraction for the demo" : null,
      notes: `Synthetic demo data generated by npm run db:demo (seed ${options.seed}). Not a real claim.`,
      speakers,
      citations,
      observations,
    };
  }
}
