// Field-level building blocks of the fuzz payloads: values that are wrong for
// one kind of field, and text that is hostile but valid.
//
// The split that matters (issue 7): HTML, SQL, `javascript:` written in a
// sentence, CSV formula prefixes and unicode oddities are all VALID in a
// free-text field (a quote, a note, a title, a name): people write them, and
// the app must store them verbatim and never execute them. So they go into
// the VALID round-trip property (`hostileText`), where what is written must
// read back equal. They appear in INVALID payloads only where the field
// forbids them — a URL that is not http(s), a country code, a date, an enum, a
// number, an id — or beside a definite violation elsewhere in the payload.
//
// What JSON and the databases can carry, and so what the round trip uses:
// - every well-formed UTF-16 string: astral characters, right-to-left text and
//   overrides, zero-width characters, combining marks, BOM, U+FFFF and other
//   noncharacters, C1 controls (U+0080–U+009F);
// - NOT lone surrogates: UTF-8 (SQLite's and PostgreSQL's encoding) cannot
//   hold them and would store U+FFFD instead, so the schema refuses them and
//   they are in the invalid set;
// - NOT C0 control characters other than tab and line breaks (NUL breaks
//   PostgreSQL): refused by the schema, in the invalid set;
// - lengths are counted in code points (zod's max), so "𝕏" is one character;
// - leading and trailing white space is trimmed (JavaScript's trim: also
//   U+00A0, U+3000, U+FEFF, U+2028…), and empty text means "not recorded".
import fc from "fast-check";
import { CITATION_KIND_KEYS, METRIC_KEYS, OUTLET_KIND_KEYS, QUALIFIERS, REPORT_STATUSES, SCOPE_TYPES, SPEAKER_SUBJECT_KEYS } from "@/lib/domain";
import { isCountryCode, isRegionCode } from "@/lib/reference-data";
import { latestToday } from "@/lib/schemas/common";

/** A JSON token written as is (1e999, NaN, a deep nesting): JSON.stringify cannot make them. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a payload that may hold RawJson tokens anywhere. */
export function jsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `@@RAW${raws.length - 1}@@`;
    }
    return v;
  });
  return raws.length ? text.replace(/"@@RAW(\d+)@@"/g, (_m, i) => raws[Number(i)]) : text;
}

/** A value that is wrong for a field, and where the error is reported. */
export interface Bad {
  value: unknown;
  label: string;
  /** "field": an issue names this field (the default); "body": the body is refused as a whole (path ""). */
  at?: "field" | "body";
  /** When not 400: a body over 1 MB is 413. */
  status?: number;
}

const bad = (label: string, at: Bad["at"] = "field", status?: number) => (value: unknown): Bad => ({ value, label, at, ...(status ? { status } : {}) });

// ── Hostile but valid text ──

export const HOSTILE_SNIPPETS = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "</textarea><svg onload=alert(1)>",
  "'; DROP TABLE \"Report\"; --",
  "1' OR '1'='1",
  "Robert'); DELETE FROM \"Speaker\" WHERE ('1'='1",
  "javascript:alert(document.cookie)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  '=HYPERLINK("http://evil.example","click")',
  "+1+1",
  "-2+3",
  "@SUM(A1:A9)",
  "'=1+1",
  "{{7*7}}",
  "${7*7}",
  "%00%0d%0a",
  "\\u0000",
  "../../etc/passwd",
  "\u202Egnp.exe",
  "e\u0301\u0302\u0303",
  "👩‍👩‍👧‍👦",
  "𝕏𝔸𝕊",
  "a\u200Bb\u200Cc\u200Dd\u2060e",
  "שלום عربي",
  "\uFFFD\uFFFF\uFFFE",
  "\u0085\u0090\u009F",
  "line\nbreak\r\nand\ttab",
  "null",
  "undefined",
  "NaN",
  "__proto__",
  "\"quoted\", with, commas",
];

/** Well-formed text without the control characters the schema refuses. */
const cleanString = fc
  .string({ unit: "binary", maxLength: 40 })
  .map((s) => s.toWellFormed().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ""));

/** Free text as a person (or an attacker) may type it: stored and read back verbatim, after trimming. */
export const hostileText = (maxLength: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE_SNIPPETS), cleanString, fc.string({ unit: "grapheme", maxLength: 20 })), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.join(" ").trim().slice(0, maxLength).toWellFormed().trim())
    .filter((s) => s.length > 0);

/** White space that trimming removes: sent around text to check it is trimmed, not stored. */
export const padding = fc.constantFrom("", " ", "  \t", "\n", "\u00A0", "\u3000", "\uFEFF", "\u2028");

// ── Dates ──

const DAY = 24 * 60 * 60 * 1000;
const dayString = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const EPOCH = Date.UTC(1970, 0, 1);
const LAST_VALID = Date.UTC(2024, 11, 31);

/** A valid day between 1970 and 2024. */
export const pastDay = fc.integer({ min: 0, max: Math.round((LAST_VALID - EPOCH) / DAY) }).map((d) => dayString(EPOCH + d * DAY));
/** A day from `from` to 2024 (from included). */
export const dayFrom = (from: string) => fc.integer({ min: 0, max: Math.round((LAST_VALID - Date.parse(from)) / DAY) }).map((d) => dayString(Date.parse(from) + d * DAY));

const future = () => {
  const today = Date.parse(latestToday());
  return fc.integer({ min: 2, max: 3_000_000 }).map((d) => {
    const ms = today + d * DAY;
    return ms > Date.UTC(9999, 11, 31) ? "9999-12-31" : dayString(ms);
  });
};

/** Not a valid past day, for a date field (nullable: null would be valid). */
export function badDate(nullable: boolean): fc.Arbitrary<Bad> {
  return fc.oneof(
    fc.constantFrom("2020/01/01", "01-01-2020", "2020-1-1", "20200101", "2020-01-01T00:00:00Z", " 2020-01-01", "2020-01-01 ", "2019-02-29", "2020-02-30", "2021-04-31", "2020-13-01", "2020-00-10", "2020-01-00", "0000-01-01", "+02020-01-01", "２０２０-01-01", "2020-01-01\u200B", "yesterday", "", "=TODAY()", "2020-01-01'; --").map(bad("date in the wrong form")),
    fc.integer({ min: 1, max: 1969 }).map((y) => `${String(y).padStart(4, "0")}-06-15`).map(bad("date before 1970")),
    future().map(bad("date in the future")),
    fc.oneof(fc.integer(), fc.boolean(), fc.constant([]), fc.constant({ year: 2020 })).map(bad("date of the wrong type")),
    ...(nullable ? [] : [fc.constant(null).map(bad("date that may not be null"))]),
  );
}

// ── Text ──

const CONTROL = fc.constantFrom("\u0000", "\u0001", "\u0007", "\u0008", "\u001B", "\u007F", "\u000E", "\u001F");
const LONE = fc.constantFrom("\uD800", "\uDBFF", "\uDC00", "\uDFFF");

/** Not valid for a text field of at most `max` characters. */
export function badText(max: number, options: { required?: boolean; nullable?: boolean } = {}): fc.Arbitrary<Bad> {
  return fc.oneof(
    wrongType(options.nullable ?? !options.required),
    fc.tuple(fc.constantFrom("x", "é", "<b>", "𝕏"), fc.integer({ min: 1, max: 3000 })).map(([unit, extra]) => unit.repeat(Math.ceil((max + extra) / [...unit].length))).map(bad("text too long")),
    fc.tuple(hostileText(60), CONTROL, hostileText(60)).map(([a, c, b]) => `${a}${c}${b}`).map(bad("text with a control character")),
    fc.tuple(hostileText(60), LONE, hostileText(60)).map(([a, c, b]) => `${a}${c}${b}`).map(bad("text with a lone surrogate")),
    ...(options.required ? [fc.constantFrom("", " ", " \t\n ", "\u00A0\u3000\uFEFF").map(bad("empty text"))] : []),
  );
}

/** A JSON value of another type than the field's (null only when the field may not be null). */
export function wrongType(nullable: boolean, except: "number" | "string" | "boolean" | null = "string"): fc.Arbitrary<Bad> {
  return fc.oneof(
    ...(except === "number" ? [] : [fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map(bad("number for a non-number"))]),
    ...(except === "boolean" ? [] : [fc.boolean().map(bad("boolean for a non-boolean"))]),
    ...(except === "string" ? [] : [fc.string({ maxLength: 10 }).map(bad("string for a non-string"))]),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }).map(bad("list for a scalar")),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }).map(bad("object for a scalar")),
    fc.integer({ min: 50, max: 20_000 }).map((depth) => new RawJson("[".repeat(depth) + "]".repeat(depth))).map(bad("deep nesting")),
    fc.integer({ min: 50, max: 5_000 }).map((depth) => new RawJson('{"a":'.repeat(depth) + "1" + "}".repeat(depth))).map(bad("deep nesting of objects")),
    ...(nullable ? [] : [fc.constant(null).map(bad("null for a required field"))]),
  );
}

// ── Numbers ──

/** Not a whole number ≥ 0 (≤ 2^53 − 1): counts. */
export const badCount: fc.Arbitrary<Bad> = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: -1 }).map(bad("negative count")),
  fc.double({ min: 0.0001, max: 1e12, noNaN: true }).filter((n) => !Number.isInteger(n)).map(bad("fractional count")),
  fc.constantFrom(2 ** 53, 2 ** 60, 1e300, Number.MAX_VALUE).map(bad("count above 2^53 − 1")),
  fc.constantFrom("1e999", "-1e999", "1e400").map((t) => new RawJson(t)).map(bad("Infinity as a JSON number")),
  fc.constantFrom("NaN", "Infinity", "-Infinity", "0x10", "+5", ".5", "01").map((t) => new RawJson(t)).map(bad("NaN, Infinity or a number JSON does not allow", "body")),
  fc.constantFrom("12", "NaN", "Infinity", "1,000", "40 million", "=1+1", "-0", "").map(bad("count as text")),
  wrongType(true, "number").filter((b) => b.label !== "string for a non-string"),
);

/** Not a positive whole number: ids (nullable ids accept null). */
export function badId(nullable: boolean): fc.Arbitrary<Bad> {
  return fc.oneof(
    fc.constantFrom(0, -1, -999, 1.5, 2 ** 53, 1e20).map(bad("id that is not a positive whole number")),
    fc.constantFrom("1", "1 OR 1=1", "abc", "").map(bad("id as text")),
    new RawJsonArb(["1e999", "-1e999"]).arb.map(bad("id as Infinity")),
    wrongType(nullable, "number"),
  );
}

/** Not a version (a whole number 1 … 2,000,000,000). */
export const badVersion: fc.Arbitrary<Bad> = fc.oneof(
  fc.constantFrom(0, -1, 1.5, 2_000_000_001, 2 ** 53).map(bad("version out of range")),
  fc.constantFrom("1", "latest", "").map(bad("version as text")),
  wrongType(false, "number"),
);

class RawJsonArb {
  readonly arb: fc.Arbitrary<RawJson>;
  constructor(texts: string[]) {
    this.arb = fc.constantFrom(...texts).map((t) => new RawJson(t));
  }
}

// ── Codes and enums ──

const hostileCodes = ["'; DROP TABLE \"Country\"; --", "<script>", "=1+1", "EC\u200B", "ＥＣ", "E C", "ECU", "218", "XX", "ZZ", "00", "e\u0301c", "__proto__", "null"];

/** Not a country code, after trimming and upper-casing (lower case is accepted). Empty counts as bad only when required. */
export function badCountry(required: boolean): fc.Arbitrary<Bad> {
  return fc.oneof(
    fc.oneof(fc.constantFrom(...hostileCodes), fc.string({ minLength: 1, maxLength: 4 })).filter((s) => s.trim() !== "" && !isCountryCode(s.trim().toUpperCase())).map(bad("unknown country code")),
    ...(required ? [fc.constantFrom("", "  ").map(bad("empty country code"))] : []),
    wrongType(!required),
  );
}

/** Not a region or country for an observation's scope code (up to 8 characters, then too long). */
export const badScopeCode = (type: "country" | "region") =>
  fc
    .oneof(fc.constantFrom(...hostileCodes, "1500", "999", "abc", "150 ", " 019x"), fc.string({ minLength: 1, maxLength: 12 }))
    .filter((s) => s.trim() !== "" && !(type === "country" ? isCountryCode(s.trim().toUpperCase()) : isRegionCode(s.trim())))
    .map(bad(`unknown ${type} code`));

/** Not one of `values` (enums are exact: no trimming, no case folding). */
export function badEnum(values: readonly string[], nullable = false): fc.Arbitrary<Bad> {
  return fc.oneof(
    fc
      .oneof(fc.constantFrom(...values.map((v) => v.toUpperCase()), ...values.map((v) => ` ${v}`), "", "unknown", "<script>", "' OR 1=1 --"), fc.string({ maxLength: 12 }))
      .filter((s) => !values.includes(s))
      .map(bad("value outside the list")),
    wrongType(nullable),
  );
}

export const ENUMS = {
  metric: METRIC_KEYS,
  status: REPORT_STATUSES,
  qualifier: QUALIFIERS,
  scopeType: SCOPE_TYPES,
  subject: SPEAKER_SUBJECT_KEYS,
  outletKind: OUTLET_KIND_KEYS,
  citationKind: CITATION_KIND_KEYS,
} as const;

// ── URLs ──

/** Not an http(s) address: scripts, data, other schemes, broken ones, too long. */
export const badUrl: fc.Arbitrary<Bad> = fc.oneof(
  fc
    .constantFrom(
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "javascript://example.org/%0Aalert(1)",
      "data:text/html,<script>alert(1)</script>",
      "data:text/html;base64,PHNjcmlwdD4=",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "ftp://example.org/x",
      "mailto:a@example.org",
      "//example.org/path",
      "example.org",
      "http://",
      "https://",
      "http:// example.org",
      "http://exa mple.org",
      "http://[::1",
      "about:blank",
      "=HYPERLINK(\"http://x\")",
      "\u0000https://example.org/",
      "https://example.org/a\u0000b",
      "\u0001http://example.org/",
      "https://example.org/\u001B[31m",
      "https://example.org/\uD800",
    )
    .map(bad("not an http(s) address")),
  fc.integer({ min: 1, max: 3000 }).map((n) => `https://example.org/${"a".repeat(2000 + n)}`).map(bad("address too long")),
  wrongType(true),
);
