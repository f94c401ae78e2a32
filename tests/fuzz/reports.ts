// Valid reports for the round trip: every free-text field carries hostile but
// valid text (see values.ts for why it is valid and what "equal" allows).
// Each one comes as `stored` — what the database must hold and the API read
// back — and `sent`, the same report as a client may send it: text padded
// with white space, country codes in lower case, defaults left out.
import fc from "fast-check";
import { CITATION_KIND_KEYS, METRIC_KEYS, OUTLET_KIND_KEYS, QUALIFIERS, SPEAKER_SUBJECT_KEYS } from "@/lib/domain";
import { MAX_COUNT } from "@/lib/domain";
import { dayFrom, hostileText, padding, pastDay } from "./values";

const COUNTRIES = ["EC", "US", "BR", "PE", "CL", "DE", "FR", "IL", "SA", "JP", "CN", "RU", "UA", "NG", "ZA", "IN"];
const REGIONS = ["150", "019", "142", "002", "009", "419", "155", "039"];

export interface GeneratedReport {
  stored: Record<string, unknown> & {
    speakers: Array<Record<string, unknown>>;
    citations: Array<Record<string, unknown> & { outlet: Record<string, unknown> }>;
    observations: Array<Record<string, unknown>>;
  };
  sent: Record<string, unknown>;
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const caseOf = fc.constantFrom<(s: string) => string>((s) => s, (s) => s.toLowerCase());

/** Text sent with white space around it; stored trimmed. */
const padded = (value: string | null) => fc.tuple(padding, padding).map(([a, b]) => (value === null ? null : `${a}${value}${b}`));

/** A scope per observation, no two alike (the schema refuses the same source twice for one period). */
const scopes = fc
  .uniqueArray(fc.oneof(fc.constant("all:"), fc.constantFrom(...COUNTRIES).map((c) => `country:${c}`), fc.constantFrom(...REGIONS).map((r) => `region:${r}`)), { minLength: 1, maxLength: 4 })
  .map((keys) => keys.map((key) => { const [type, code] = key.split(":"); return { type, code: code || null }; }));

const count = fc.oneof(fc.constant(null), fc.constantFrom(0, 1, MAX_COUNT, 40_000_000), fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: MAX_COUNT }));

/**
 * A valid report. `uid` makes speaker and outlet names unique, so every
 * report creates its own (a speaker described like a stored one would be
 * matched to it, which is right but is not what this property checks).
 */
export function validReport(uid: string): fc.Arbitrary<GeneratedReport> {
  return pastDay.chain((periodStart) =>
    fc
      .record({
        targetCountry: fc.constantFrom(...COUNTRIES),
        targetCase: caseOf,
        metric: fc.constantFrom(...METRIC_KEYS),
        periodEnd: maybe(dayFrom(periodStart)),
        statedOn: maybe(dayFrom(periodStart)),
        periodLabel: maybe(hostileText(300)),
        quote: maybe(hostileText(10_000)),
        notes: maybe(hostileText(10_000)),
        status: fc.constantFrom("draft", "published", "retracted"),
        retractionReason: hostileText(2000),
        synthetic: fc.boolean(),
        speakers: fc.array(
          fc.record({
            name: hostileText(150),
            role: maybe(hostileText(300)),
            organisation: maybe(hostileText(300)),
            country: maybe(fc.constantFrom(...COUNTRIES)),
            subject: fc.constantFrom(...SPEAKER_SUBJECT_KEYS),
            quote: maybe(hostileText(10_000)),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        citations: fc.array(
          fc.record({
            outletName: hostileText(150),
            outletKind: fc.constantFrom(...OUTLET_KIND_KEYS),
            homepage: maybe(hostileText(40).map((path) => `https://news.example/${encodeURIComponent(path)}`)),
            outletCountry: maybe(fc.constantFrom(...COUNTRIES)),
            kind: fc.constantFrom(...CITATION_KIND_KEYS),
            // A valid address may carry hostile text in its path and query: it is stored as given.
            url: maybe(hostileText(60).map((text) => `https://news.example/a?q=${text.replace(/[\s#]/g, "")}`)),
            title: maybe(hostileText(500)),
            publishedOn: maybe(dayFrom(periodStart)),
            takenFromOffset: fc.option(fc.nat(), { nil: null }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        observations: scopes.chain((list) =>
          fc.tuple(
            ...list.map((scope) =>
              fc.record({ scope: fc.constant(scope), codeCase: caseOf, count, qualifier: fc.constantFrom(...QUALIFIERS), note: maybe(hostileText(500)), ownStart: fc.boolean() }),
            ),
          ),
        ),
        pads: fc.array(padding, { minLength: 8, maxLength: 8 }),
      })
      .chain((r) => {
        const periodEnd = r.periodEnd;
        const statedOn = r.statedOn;
        const stored = {
          targetCountry: r.targetCountry,
          metric: r.metric,
          periodStart,
          periodEnd,
          periodLabel: r.periodLabel,
          periodEventId: null,
          statedOn,
          quote: r.quote,
          notes: r.notes,
          status: r.status,
          retractionReason: r.status === "retracted" ? r.retractionReason : null,
          synthetic: r.synthetic,
          speakers: r.speakers.map((s, i) => ({
            name: `${s.name} #${uid}.${i}`,
            role: s.role,
            organisation: s.organisation,
            country: s.country,
            subject: s.subject,
            quote: s.quote,
          })),
          citations: r.citations.map((c, i) => ({
            outlet: { name: `${c.outletName} #${uid}.${i}`, kind: c.outletKind, homepage: c.homepage, country: c.outletCountry },
            kind: c.kind,
            url: c.url,
            title: c.title,
            publishedOn: c.publishedOn,
            accessedOn: c.publishedOn,
            // Only from an earlier citation: chains end, never loop.
            takenFrom: i > 0 && c.takenFromOffset !== null ? c.takenFromOffset % i : null,
          })),
          observations: r.observations.map((o) => ({
            count: o.count,
            // A source named without a figure has no qualifier.
            qualifier: o.count === null ? null : o.qualifier,
            periodStart,
            periodEnd,
            scope: o.scope,
            note: o.note,
          })),
        };
        // The same report as a client sends it: padded text, codes in any case, defaults omitted.
        return fc
          .tuple(
            padded(stored.quote),
            padded(stored.notes),
            padded(stored.periodLabel),
            fc.tuple(...stored.speakers.map((s) => padded(s.quote as string | null))),
            fc.tuple(...stored.citations.map((c) => padded(c.title as string | null))),
          )
          .map(([quote, notes, periodLabel, speakerQuotes, titles]) => {
            const sent: Record<string, unknown> = {
              ...stored,
              targetCountry: r.targetCase(stored.targetCountry),
              quote,
              notes,
              periodLabel,
              speakers: stored.speakers.map((s, i) => ({ ...s, quote: speakerQuotes[i], country: s.country === null ? (r.pads[i] === "" ? "" : null) : (s.country as string).toLowerCase() })),
              citations: stored.citations.map((c, i) => ({ ...c, title: titles[i] })),
              observations: stored.observations.map((o, i) => {
                const { periodStart: _s, periodEnd: _e, ...rest } = o;
                const scope = o.scope as { type: string; code: string | null };
                const own = r.observations[i].ownStart ? { periodStart: o.periodStart, periodEnd: o.periodEnd } : {};
                return { ...rest, ...own, scope: { type: scope.type, code: scope.code && r.observations[i].codeCase(scope.code) } };
              }),
            };
            if (stored.metric === "cyberattacks") delete sent.metric;
            if (stored.status === "draft") delete sent.status;
            return { stored, sent } as GeneratedReport;
          });
      }),
  );
}

/** The fields of a read report that the round trip compares (ids, versions and timestamps aside). */
export function readContent(report: Record<string, unknown>): Record<string, unknown> {
  const r = report as GeneratedReport["stored"];
  return {
    targetCountry: r.targetCountry,
    metric: r.metric,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    periodLabel: r.periodLabel,
    periodEventId: r.periodEventId,
    statedOn: r.statedOn,
    quote: r.quote,
    notes: r.notes,
    status: r.status,
    retractionReason: r.retractionReason,
    synthetic: r.synthetic,
    speakers: r.speakers.map((s) => ({ name: s.name, role: s.role, organisation: s.organisation, country: s.country, subject: s.subject, quote: s.quote })),
    citations: r.citations.map((c) => ({
      outlet: { name: c.outlet.name, kind: c.outlet.kind, homepage: c.outlet.homepage, country: c.outlet.country },
      kind: c.kind,
      url: c.url,
      title: c.title,
      publishedOn: c.publishedOn,
      accessedOn: c.accessedOn,
      takenFrom: c.takenFrom,
    })),
    observations: r.observations.map((o) => ({ count: o.count, qualifier: o.qualifier, periodStart: o.periodStart, periodEnd: o.periodEnd, scope: o.scope, note: o.note })),
  };
}
