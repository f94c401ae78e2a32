// Field schemas shared by every request schema, with messages a person understands.
import { z } from "zod";
import { isCountryCode, isRegionCode } from "../reference-data";

export const isoDate = z.iso.date({ error: "must be a real calendar date written YYYY-MM-DD" });

export const countryCode = z
  .string({ error: "must be an ISO 3166-1 alpha-2 country code such as EC" })
  .refine(isCountryCode, { error: (issue) => `Unknown country code '${String(issue.input)}'` });

export const regionCode = z
  .string({ error: "must be a UN M49 region code such as 150 (Europe)" })
  .refine(isRegionCode, { error: (issue) => `Unknown region code '${String(issue.input)}'` });

/** A source is either a country (alpha-2) or a region (M49, three digits). */
export const sourceCode = z
  .string()
  .refine((code) => isCountryCode(code) || isRegionCode(code), {
    error: (issue) => `Unknown source '${String(issue.input)}': use a country code such as US or a UN M49 region code such as 150`,
  });

/** "EC,US" or repeated parameters → ["EC", "US"]; country codes are upper-cased so "ec" works too. */
export function commaList<T extends z.ZodType>(item: T, options: { upperCase?: boolean } = {}) {
  return z.preprocess(
    (value) => {
      if (value === undefined) return undefined;
      const values = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(","));
      const cleaned = values.map((v) => v.trim()).filter(Boolean);
      return options.upperCase ? cleaned.map((v) => v.toUpperCase()) : cleaned;
    },
    z.array(item).min(1, { error: "must name at least one value" }).optional(),
  );
}

// ── Fields of the write schemas (reports, speakers, outlets, events) ──

/** The oldest date any figure can be about. */
export const EARLIEST_DATE = "1970-01-01";

/**
 * Today's date where it is latest (UTC+14): a date that is today anywhere on
 * Earth is not "in the future" for the person entering it.
 */
export function latestToday(now: number = Date.now()): string {
  return new Date(now + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

// Checked for every date of every row of an import: worked out at most once a second.
let todayCache = { at: 0, value: "" };
function cachedLatestToday(): string {
  const now = Date.now();
  if (now - todayCache.at > 1000) todayCache = { at: now, value: latestToday(now) };
  return todayCache.value;
}

/** A calendar day from EARLIEST_DATE to today. */
export const pastDate = isoDate.superRefine((value, ctx) => {
  if (value < EARLIEST_DATE) ctx.addIssue({ code: "custom", message: `must be on or after ${EARLIEST_DATE}` });
  const today = cachedLatestToday();
  if (value > today) ctx.addIssue({ code: "custom", message: `must not be in the future (today is ${today})` });
});

// Control characters other than tab and line breaks have no place in text a person types; NUL breaks PostgreSQL.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// A lone UTF-16 surrogate (JSON can carry "\ud800") has no UTF-8 form: the database would store U+FFFD instead.
const LONE_SURROGATE_MESSAGE = "contains a broken character (a lone UTF-16 surrogate)";

function textField(max: number) {
  return z
    .string({ error: "must be text" })
    .trim()
    .max(max, { error: `must be at most ${max.toLocaleString("en-US")} characters` })
    .refine((value) => !CONTROL_CHARACTERS.test(value), { error: "contains control characters" })
    .refine((value) => value.isWellFormed(), { error: LONE_SURROGATE_MESSAGE });
}

/** Text that must be there. */
export function requiredText(max: number) {
  return textField(max).min(1, { error: "must not be empty" });
}

/** Text that may be missing: null, absent and "" (after trimming) all mean "not recorded". */
export function optionalText(max: number) {
  return textField(max)
    .nullable()
    .transform((value) => (value ? value : null));
}

/** An http:// or https:// address; anything else (javascript:, data:, mailto:…) is refused. */
export const httpUrl = z
  .string({ error: "must be a web address starting with http:// or https://" })
  .trim()
  .max(2000, { error: "must be at most 2,000 characters" })
  // The URL parser drops control characters before it judges an address ("\u0000https://…" parses),
  // but the text as given is what is stored: refuse them here, as in any text.
  .refine((value) => !CONTROL_CHARACTERS.test(value) && value.isWellFormed(), { error: "must be a web address starting with http:// or https://" })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { error: "must be a web address starting with http:// or https://" },
  );

export const optionalHttpUrl = z
  .union([z.literal(""), httpUrl])
  .nullable()
  .transform((value) => (value ? value : null));

/** Country codes are accepted in any case ("ec") and stored upper-case. */
export const countryField = z
  .string({ error: "must be an ISO 3166-1 alpha-2 country code such as EC" })
  .trim()
  .toUpperCase()
  .min(1, { error: "must name a country (an ISO 3166-1 code such as EC)" })
  .pipe(countryCode);

export const optionalCountry = z
  .union([z.literal(""), countryField])
  .nullable()
  .transform((value) => (value ? value : null));

/** A database id: a positive whole number. */
export const recordId = z
  .number({ error: "must be an id (a positive whole number)" })
  .int({ error: "must be an id (a positive whole number)" })
  .min(1, { error: "must be an id (a positive whole number)" })
  .max(Number.MAX_SAFE_INTEGER, { error: "must be an id (a positive whole number)" });

/** The version the client read, for the optimistic concurrency check. */
export const versionField = z
  .number({ error: "must be the version you read (a whole number ≥ 1)" })
  .int({ error: "must be the version you read (a whole number ≥ 1)" })
  .min(1, { error: "must be the version you read (a whole number ≥ 1)" })
  .max(2_000_000_000, { error: "must be the version you read (a whole number ≥ 1)" });

/** Why something was deleted, retracted or restored: kept in the audit history. */
export const reasonField = requiredText(2000);
