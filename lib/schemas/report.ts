// The write schema of a report: one definition for the API, the forms and the
// CSV import. Field names are those of the read JSON (lib/reports/types.ts),
// so a report read from the API, with its ids removed, can be posted back.
import { z } from "zod";
import {
  CITATION_KIND_KEYS,
  MAX_COUNT,
  METRIC_KEYS,
  OUTLET_KIND_KEYS,
  QUALIFIERS,
  REPORT_STATUSES,
  SCOPE_TYPES,
  SPEAKER_SUBJECT_KEYS,
} from "../domain";
import { isCountryCode, isRegionCode } from "../reference-data";
import {
  countryField,
  optionalCountry,
  optionalHttpUrl,
  optionalText,
  pastDate,
  recordId,
  requiredText,
  versionField,
} from "./common";

export const LIMITS = { speakers: 50, citations: 50, observations: 1000 } as const;

const oneOf = (values: readonly string[]) => `must be one of ${values.join(", ")}`;

/** Read-only fields of the read JSON: accepted so a read report can be sent back, and ignored. */
const ignoredId = recordId.optional();
const ignoredTimestamp = z.string().max(64).optional();

/**
 * A speaker in a report: an existing speaker by `id`, or a new one given whole.
 * Details sent beside an id must match the stored speaker (they are checked,
 * never silently dropped); to change a speaker, edit the speaker.
 */
export const reportSpeakerSchema = z
  .strictObject({
    id: recordId.optional(),
    name: optionalText(200).optional(),
    role: optionalText(300).optional(),
    organisation: optionalText(300).optional(),
    country: optionalCountry.optional(),
    subject: z.enum(SPEAKER_SUBJECT_KEYS, { error: oneOf(SPEAKER_SUBJECT_KEYS) }).default("figure"),
    quote: optionalText(10_000).optional(),
  })
  .superRefine((speaker, ctx) => {
    if (speaker.id === undefined && !speaker.name && !speaker.role && !speaker.organisation) {
      ctx.addIssue({
        code: "custom",
        path: ["name"],
        message: "must say who this is: an existing speaker, or a name, a role or an organisation",
      });
    }
  });

/** An outlet: an existing one by `id`, or a new one given whole (at least its name). */
export const outletRefSchema = z
  .strictObject({
    id: recordId.optional(),
    name: requiredText(200).optional(),
    kind: z.enum(OUTLET_KIND_KEYS, { error: oneOf(OUTLET_KIND_KEYS) }).optional(),
    homepage: optionalHttpUrl.optional(),
    country: optionalCountry.optional(),
  })
  .superRefine((outlet, ctx) => {
    if (outlet.id === undefined && !outlet.name) {
      ctx.addIssue({ code: "custom", path: ["name"], message: "must name the outlet, or be an existing outlet" });
    }
  });

export const citationSchema = z.strictObject({
  id: ignoredId,
  outlet: outletRefSchema,
  kind: z.enum(CITATION_KIND_KEYS, { error: oneOf(CITATION_KIND_KEYS) }).default("article"),
  url: optionalHttpUrl.optional(),
  title: optionalText(500).optional(),
  publishedOn: pastDate.nullable().optional(),
  accessedOn: pastDate.nullable().optional(),
  /** Index, in this report's citations, of the citation this one was taken from. */
  takenFrom: z
    .number({ error: "must be the index of another citation in this report, or null" })
    .int({ error: "must be the index of another citation in this report, or null" })
    .min(0, { error: "must be the index of another citation in this report, or null" })
    .nullable()
    .optional(),
});

const countField = z
  .number({ error: "must be a whole number ≥ 0, or null when the source was named without a figure" })
  .int({ error: "must be a whole number (no fractions)" })
  .min(0, { error: "must be a whole number ≥ 0" })
  .max(MAX_COUNT, { error: `must be at most ${MAX_COUNT.toLocaleString("en-US")}` })
  .nullable();

export const scopeSchema = z
  .strictObject({
    type: z.enum(SCOPE_TYPES, { error: oneOf(SCOPE_TYPES) }),
    code: z.string({ error: "must be a country code, a region code, or null" }).trim().max(8).nullable().optional(),
  })
  .transform((scope, ctx) => {
    const code = scope.code ? (scope.type === "country" ? scope.code.toUpperCase() : scope.code) : null;
    if (scope.type === "all" && code) {
      ctx.addIssue({ code: "custom", path: ["code"], message: "must be empty when the scope is all sources" });
    } else if (scope.type === "country" && !(code && isCountryCode(code))) {
      ctx.addIssue({ code: "custom", path: ["code"], message: code ? `Unknown country code '${code}'` : "must name the source country (e.g. US)" });
    } else if (scope.type === "region" && !(code && isRegionCode(code))) {
      ctx.addIssue({ code: "custom", path: ["code"], message: code ? `Unknown region code '${code}'` : "must name the UN M49 region (e.g. 150 for Europe)" });
    }
    return { type: scope.type, code };
  });

export const observationSchema = z.strictObject({
  id: ignoredId,
  count: countField,
  /** How the count was said; "exact" when omitted. Only with a count: a source named without a figure has none. */
  qualifier: z.enum(QUALIFIERS, { error: oneOf(QUALIFIERS) }).nullable().optional(),
  /** Default: the report's period. */
  periodStart: pastDate.optional(),
  periodEnd: pastDate.nullable().optional(),
  scope: scopeSchema,
  note: optionalText(500).optional(),
});

/** The fields of a report, each checked on its own (no defaults: a PATCH must not invent values). */
const reportFieldSchemas = {
  targetCountry: countryField,
  metric: z.enum(METRIC_KEYS, { error: oneOf(METRIC_KEYS) }),
  periodStart: pastDate,
  periodEnd: pastDate.nullable(),
  periodLabel: optionalText(300),
  periodEventId: recordId.nullable(),
  statedOn: pastDate.nullable(),
  quote: optionalText(10_000),
  notes: optionalText(10_000),
  status: z.enum(REPORT_STATUSES, { error: oneOf(REPORT_STATUSES) }),
  retractionReason: optionalText(2000),
  synthetic: z.boolean({ error: "must be true or false" }),
  speakers: z
    .array(reportSpeakerSchema, { error: "must be a list of speakers" })
    .min(1, { error: "must name at least one speaker (who said it)" })
    .max(LIMITS.speakers, { error: `must have at most ${LIMITS.speakers} speakers` }),
  citations: z
    .array(citationSchema, { error: "must be a list of citations" })
    .min(1, { error: "must have at least one citation (where it was published)" })
    .max(LIMITS.citations, { error: `must have at most ${LIMITS.citations} citations` }),
  observations: z
    .array(observationSchema, { error: "must be a list of observations" })
    .min(1, { error: "must have at least one observation (a figure, or a source named without one)" })
    .max(LIMITS.observations, { error: `must have at most ${LIMITS.observations.toLocaleString("en-US")} observations` }),
};

export type ReportField = keyof typeof reportFieldSchemas;
export const REPORT_FIELDS = Object.keys(reportFieldSchemas) as ReportField[];

/** Fields of the read JSON that a write does not set: accepted so a read report can be sent back. */
const readOnlyFields = {
  id: z.never({ error: "is assigned by the server: leave it out (to change a report, PATCH /api/v1/reports/{id})" }).optional(),
  createdAt: ignoredTimestamp,
  updatedAt: ignoredTimestamp,
};

const reportShape = {
  ...reportFieldSchemas,
  ...readOnlyFields,
  metric: reportFieldSchemas.metric.default("cyberattacks"),
  periodEnd: reportFieldSchemas.periodEnd.default(null),
  periodLabel: reportFieldSchemas.periodLabel.default(null),
  periodEventId: reportFieldSchemas.periodEventId.default(null),
  statedOn: reportFieldSchemas.statedOn.default(null),
  quote: reportFieldSchemas.quote.default(null),
  notes: reportFieldSchemas.notes.default(null),
  // A report posted without a status is a draft: nothing is published by accident.
  status: reportFieldSchemas.status.default("draft"),
  retractionReason: reportFieldSchemas.retractionReason.default(null),
  synthetic: reportFieldSchemas.synthetic.default(false),
  /** Read-only on create: a new report starts at version 1. */
  version: versionField.optional(),
};

type ReportFields = z.output<z.ZodObject<typeof reportShape>>;

/** Observations without their own period take the report's. */
function withObservationPeriods(report: ReportFields) {
  return {
    ...report,
    observations: report.observations.map((observation) => ({
      ...observation,
      qualifier: observation.count === null ? null : (observation.qualifier ?? "exact"),
      periodStart: observation.periodStart ?? report.periodStart,
      periodEnd: observation.periodEnd === undefined ? report.periodEnd : observation.periodEnd,
    })),
  };
}

/** A field's value when it is valid on its own (absent means its default), else undefined. */
function valid<S extends z.ZodType>(schema: S, value: unknown, fallback?: z.output<S>): z.output<S> | undefined {
  if (value === undefined) return fallback;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Rules that relate fields to each other, each issue naming the field to fix.
 * It runs even when some fields are bad, so a person learns every problem at
 * once; it judges only the fields that are valid on their own.
 */
function checkReport(raw: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const periodStart = valid(pastDate, raw.periodStart);
  const periodEnd = valid(reportFieldSchemas.periodEnd, raw.periodEnd, null);
  const statedOn = valid(reportFieldSchemas.statedOn, raw.statedOn, null);
  const status = valid(reportFieldSchemas.status, raw.status, "draft");
  const retractionReason = valid(reportFieldSchemas.retractionReason, raw.retractionReason, null);

  if (periodStart && periodEnd && periodEnd < periodStart) {
    issue(["periodEnd"], `must be on or after the start of the period (${periodStart})`);
  }
  if (periodStart && statedOn && statedOn < periodStart) {
    issue(["statedOn"], `must be on or after the start of the period (${periodStart}): figures cannot be stated before the period they count`);
  }
  if (status === "retracted" && retractionReason === null) issue(["retractionReason"], "must say why the report was retracted");
  if (status && status !== "retracted" && retractionReason) issue(["retractionReason"], "must be empty unless the report is retracted");

  const seenSpeakers = new Map<number, number>();
  list(raw.speakers).forEach((item, index) => {
    const speaker = valid(reportSpeakerSchema, item);
    if (speaker?.id === undefined) return;
    const first = seenSpeakers.get(speaker.id);
    if (first !== undefined) issue(["speakers", index, "id"], `speaker ${speaker.id} is already listed (speakers.${first})`);
    else seenSpeakers.set(speaker.id, index);
  });

  const citations = list(raw.citations);
  const takenFrom = citations.map((item) => valid(citationSchema, item)?.takenFrom ?? null);
  citations.forEach((item, index) => {
    const citation = valid(citationSchema, item);
    if (!citation) return;
    if (citation.publishedOn && citation.accessedOn && citation.accessedOn < citation.publishedOn) {
      issue(["citations", index, "accessedOn"], `must be on or after the publication date (${citation.publishedOn})`);
    }
    const from = citation.takenFrom;
    if (from === null || from === undefined) return;
    if (from === index) issue(["citations", index, "takenFrom"], "cannot be the citation itself");
    else if (from >= citations.length) {
      issue(["citations", index, "takenFrom"], `must be the index of another citation (0 to ${citations.length - 1})`);
    } else {
      // Follow the chain: it must end at an original source, not loop.
      const visited = new Set([index]);
      for (let at: number | null = from; at !== null && at < citations.length; at = takenFrom[at]) {
        if (visited.has(at)) {
          issue(["citations", index, "takenFrom"], "makes a loop: citations cannot be taken from each other in a circle");
          break;
        }
        visited.add(at);
      }
    }
  });

  const seenScopes = new Map<string, number>();
  list(raw.observations).forEach((item, index) => {
    const observation = valid(observationSchema, item);
    if (!observation) return;
    const at = (field: string) => ["observations", index, field];
    if (observation.count === null && observation.qualifier) {
      issue(at("qualifier"), `must be empty when count is null: a source named without a figure has no qualifier (got '${observation.qualifier}')`);
    }
    const start = observation.periodStart ?? periodStart;
    const end = observation.periodEnd === undefined ? periodEnd : observation.periodEnd;
    if (start === undefined || end === undefined) return;
    if (periodStart && start < periodStart) issue(at("periodStart"), `must be within the report's period, which starts ${periodStart}`);
    if (end && end < start) issue(at("periodEnd"), `must be on or after the start of the observation's period (${start})`);
    if (periodEnd && (end === null || end > periodEnd)) issue(at("periodEnd"), `must be within the report's period, which ends ${periodEnd}`);
    const key = `${observation.scope.type}:${observation.scope.code ?? ""}:${start}:${end ?? ""}`;
    const first = seenScopes.get(key);
    if (first !== undefined) issue(at("scope"), `repeats observations.${first}: the same source and period twice`);
    else seenScopes.set(key, index);
  });
}

/** POST body: a whole report. */
export const reportInputSchema = z
  .strictObject(reportShape)
  .superRefine((value, ctx) => checkReport(value as Record<string, unknown>, ctx), { when: () => true })
  .transform(withObservationPeriods);

export type ReportInput = z.output<typeof reportInputSchema>;
export type ReportInputDraft = z.input<typeof reportInputSchema>;
export type ReportSpeakerInput = ReportInput["speakers"][number];
export type CitationInput = ReportInput["citations"][number];
export type ObservationInput = ReportInput["observations"][number];
export type OutletRefInput = CitationInput["outlet"];

/**
 * PATCH body: any of the fields, plus the version the client read. Each field
 * is checked here; the rules between fields are checked on the merged report.
 * Lists (speakers, citations, observations) are replaced as a whole.
 */
export const reportPatchSchema = z.strictObject({
  ...readOnlyFields,
  ...(Object.fromEntries(Object.entries(reportFieldSchemas).map(([key, schema]) => [key, schema.optional()])) as {
    [K in ReportField]: z.ZodOptional<(typeof reportFieldSchemas)[K]>;
  }),
  version: versionField,
});

export type ReportPatch = z.output<typeof reportPatchSchema>;
