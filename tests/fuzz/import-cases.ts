// Invalid uploads to POST /api/v1/import: files that are valid but for one
// cell, header or line; broken CSV; wrong query options and media types.
// Every case names the row and column its error must point at. Free-text
// cells of the otherwise valid rows carry hostile text (formula prefixes,
// HTML, SQL): valid there, so they are never the reason a file is refused.
import fc from "fast-check";
import { CSV_COLUMNS } from "@/lib/csv/columns";
import { isCountryCode, isRegionCode } from "@/lib/reference-data";
import { ENUMS, hostileText, type Bad } from "./values";
import { KNOWN, type Case } from "./arbitraries";

/** The import limit the fuzz runs with (IMPORT_MAX_BYTES), so "too large" costs little to send. */
export const FUZZ_IMPORT_MAX_BYTES = 256 * 1024;

const COLUMNS = [
  "target_country", "metric", "report_period_start", "report_period_end", "stated_on", "count", "qualifier", "scope_type", "source_code",
  "observation_note", "period_label", "period_event_id", "quote", "notes", "status", "retraction_reason", "synthetic", "speakers_json", "citations_json", "report_id", "report_version",
] as const;
type Column = (typeof COLUMNS)[number];
type Row = Record<Column, string>;

const cell = (value: string) => `"${value.replace(/"/g, '""')}"`;
const line = (cells: string[]) => cells.map(cell).join(",");
const csvOf = (columns: readonly string[], rows: string[][]) => [line([...columns]), ...rows.map(line)].join("\r\n") + "\r\n";

let uid = 0;
/** A valid row: a new report with one observation, hostile text in its free-text cells. */
const validRow: fc.Arbitrary<Row> = fc
  .record({
    country: fc.constantFrom("PE", "ec", " US "),
    end: fc.constantFrom("", "2020-12-31"),
    count: fc.oneof(fc.constant(""), fc.nat().map(String)),
    qualifier: fc.constantFrom("", ...ENUMS.qualifier),
    scope: fc.constantFrom(["all", ""], ["country", "br"], ["region", "150"]),
    note: hostileText(200),
    quote: hostileText(500),
    notes: hostileText(500),
    speaker: hostileText(100),
    status: fc.constantFrom("", "draft", "published"),
    synthetic: fc.constantFrom("", "true", "FALSE"),
  })
  .map((r) => ({
    target_country: r.country,
    metric: "",
    report_period_start: "2020-01-01",
    report_period_end: r.end,
    stated_on: "",
    count: r.count,
    // A source named without a figure has no qualifier.
    qualifier: r.count === "" ? "" : r.qualifier,
    scope_type: r.scope[0],
    source_code: r.scope[1],
    observation_note: r.note,
    period_label: "",
    period_event_id: "",
    quote: r.quote,
    notes: r.notes,
    status: r.status,
    retraction_reason: "",
    synthetic: r.synthetic,
    speakers_json: JSON.stringify([{ name: `${r.speaker} ~${++uid}`, subject: "figure" }]),
    citations_json: JSON.stringify([{ outlet: { name: "Fuzz Wire <Service>" }, kind: "article", url: "https://wire.example/story?id=1&x=<y>" }]),
    report_id: "",
    report_version: "",
  }));

const rowsOf = (rows: Row[]) => rows.map((row) => COLUMNS.map((c) => row[c]));

/** 1 to 3 valid reports: the broken one is any of them. */
const validFile = fc.array(validRow, { minLength: 1, maxLength: 3 });

const nonEmpty = (s: string) => s.trim() !== "";
const notIn = (values: readonly string[]) => (s: string) => nonEmpty(s) && !values.includes(s.trim());
const strings = (fixed: string[], filter: (s: string) => boolean) => fc.oneof(fc.constantFrom(...fixed), fc.string({ maxLength: 10 })).filter(filter);
const notDate = (s: string) => nonEmpty(s) && !/^\d{4}-\d{2}-\d{2}$/.test(s.trim());

/** A bad cell per column (the column the error must name). */
const BAD_CELLS: Array<[Column, fc.Arbitrary<string>, Column?]> = [
  ["target_country", strings(["", "XX", "=HYPERLINK(\"x\")", "'; DROP TABLE \"Report\"; --", "ECU", "<b>EC</b>"], (s) => !isCountryCode(s.trim().toUpperCase()))],
  ["metric", strings(["hacks", "Cyberattacks", "=1+1"], notIn(ENUMS.metric))],
  ["report_period_start", fc.constantFrom("", "2020-02-30", "1969-12-31", "9999-01-01", "=TODAY()", "01/01/2020", "@NOW", "2020-01-01T00:00")],
  ["report_period_end", fc.constantFrom("2019-12-31", "2020-13-01", "+2020", "tomorrow", "9999-12-31")],
  ["stated_on", fc.constantFrom("2019-06-01", "2020-02-30", "-1", "9999-12-31")],
  ["count", fc.constantFrom("-1", "1.5", "1e400", "=1+1", "'=1+1", "@SUM(A1:A2)", "+5", "12abc", "1,000", "NaN", "Infinity", "9007199254740993", "0x10", "\uFFFD", "١٢")],
  ["qualifier", strings(["EXACT", "about", "-"], notIn(ENUMS.qualifier))],
  ["scope_type", strings(["", "ALL", "country;", "=all"], (s) => !(ENUMS.scopeType as readonly string[]).includes(s.trim()))],
  ["status", strings(["Published", "deleted", "@status"], notIn(ENUMS.status))],
  ["synthetic", strings(["yes", "1", "0", "=TRUE()"], (s) => nonEmpty(s) && !["true", "false"].includes(s.trim().toLowerCase()))],
  ["period_event_id", fc.constantFrom("abc", "-1", "1.5", String(KNOWN.missingId), "=1")],
  ["speakers_json", fc.constantFrom("not json", "{}", "[{}]", '[{"name": 5}]', "[1]", '[{"name":"a","subject":"nope"}]', '[{"name":"Twice"},{"name":"Twice","subject":"other"}]', '[{"name":"a","isAdmin":true}]', "[" + "[".repeat(5000) + "]".repeat(5001))],
  ["citations_json", fc.constantFrom("{", "[]", "[{}]", '[{"outlet":{"name":"x"},"url":"javascript:alert(1)"}]', '[{"outlet":{"name":"x"},"url":"data:text/html,<script>"}]', '[{"outlet":{}}]', '"text"')],
  ["quote", fc.tuple(hostileText(50), fc.constantFrom("\u0000", "\u0001", "\u001B", "\u007F")).map(([t, c]) => `${t}${c}${t}`)],
  ["notes", fc.integer({ min: 1, max: 500 }).map((n) => "=".repeat(10_000 + n))],
  ["report_id", fc.constantFrom("abc", "0", "-1", "1.5", String(KNOWN.missingId), "1 OR 1=1")],
];

function brokenCell(): fc.Arbitrary<{ file: string; bad: Bad; path: string }> {
  return fc.tuple(validFile, fc.constantFrom(...BAD_CELLS)).chain(([rows, [column, values]]) =>
    fc.tuple(fc.nat({ max: rows.length - 1 }), values).map(([index, value]) => {
      const broken = rows.map((r, i) => (i === index ? { ...r, [column]: value } : r));
      // A scope needs its code: for all sources, a source_code is the error.
      return { file: csvOf(COLUMNS, rowsOf(broken)), bad: { value, label: `bad ${column}` }, path: `row ${index + 2}, ${column}` };
    }),
  );
}

/** Rules between cells: a source code for all sources, a stored report changed without its version, split reports. */
const ruleFiles: fc.Arbitrary<{ file: string; label: string; path: string }> = fc.oneof(
  fc.tuple(validRow, fc.oneof(fc.constantFrom("PE", "150"), fc.string({ minLength: 1, maxLength: 8 }).filter(nonEmpty))).map(([row, code]) => ({
    file: csvOf(COLUMNS, rowsOf([{ ...row, scope_type: "all", source_code: code }])),
    label: "a source code for all sources",
    path: "row 2, source_code",
  })),
  fc.tuple(validRow, fc.string({ minLength: 1, maxLength: 8 }).filter((s) => nonEmpty(s) && !isRegionCode(s.trim()))).map(([row, code]) => ({
    file: csvOf(COLUMNS, rowsOf([{ ...row, scope_type: "region", source_code: code }])),
    label: "an unknown region",
    path: "row 2, source_code",
  })),
  validRow.map((row) => ({ file: csvOf(COLUMNS, rowsOf([{ ...row, report_id: "1" }])), label: "a stored report changed without its version", path: "row 2, report_version" })),
  fc.tuple(validRow, validRow).map(([a, b]) => ({
    file: csvOf(COLUMNS, rowsOf([a, b, { ...a, scope_type: "country", source_code: "CL" }])),
    label: "a report's rows apart",
    path: "row 4",
  })),
);

/** Header and line problems. */
const structureFiles: fc.Arbitrary<{ file: string | Uint8Array; label: string; path: string }> = fc.oneof(
  fc.tuple(validFile, fc.oneof(fc.constantFrom("bogus", "Target_Country", "=cmd|' /C calc'!A0", "<script>", "x\u0000y", "count "), fc.string({ minLength: 1, maxLength: 12 }))).filter(([, name]) => !(CSV_COLUMNS as readonly string[]).includes(name.trim().replace(/^\uFEFF/, ""))).map(([rows, name]) => ({
    file: csvOf([...COLUMNS, name], rowsOf(rows).map((r) => [...r, "x"])),
    label: "an unknown column",
    path: `row 1, ${name.trim().replace(/^\uFEFF/, "") || `column ${COLUMNS.length + 1}`}`,
  })),
  fc.tuple(validFile, fc.constantFrom("target_country", "report_period_start", "count", "scope_type")).map(([rows, missing]) => {
    const keep = COLUMNS.filter((c) => c !== missing);
    return { file: csvOf(keep, rows.map((r) => keep.map((c) => r[c]))), label: "a required column missing", path: `row 1, ${missing}` };
  }),
  fc.tuple(validFile, fc.constantFrom(...COLUMNS)).map(([rows, twice]) => ({ file: csvOf([...COLUMNS, twice], rowsOf(rows).map((r, i) => [...r, r[COLUMNS.indexOf(twice)] ?? String(i)])), label: "a column twice", path: `row 1, ${twice}` })),
  validFile.map((rows) => {
    const keep = COLUMNS.filter((c) => c !== "speakers_json");
    return { file: csvOf(keep, rows.map((r) => keep.map((c) => r[c]))), label: "nobody said it", path: "row 1, speakers_json" };
  }),
  fc.tuple(validFile, fc.integer({ min: 1, max: 3 })).map(([rows, extra]) => {
    const cells = rowsOf(rows);
    cells[cells.length - 1] = [...cells[cells.length - 1], ...Array(extra).fill("spare")];
    return { file: csvOf(COLUMNS, cells), label: "a row with more cells", path: `row ${rows.length + 1}` };
  }),
  fc.constantFrom("", "\uFEFF", "\r\n\r\n").map((file) => ({ file, label: "an empty file", path: "row 1" })),
  validFile.map((rows) => ({ file: csvOf(COLUMNS, rowsOf(rows)) + '"PE,2020-01-01', label: "a quote not closed", path: `row ${rows.length + 2}` })),
  validFile.map((rows) => ({ file: csvOf(COLUMNS, rowsOf(rows)) + 'PE,x"y\r\n', label: "a quote inside a cell", path: `row ${rows.length + 2}` })),
  fc.constantFrom([0xff, 0xfe, 0x00, 0x41], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0x1f, 0x8b, 0x08, 0x00]).map((bytes) => ({ file: new Uint8Array(bytes), label: "a binary file", path: "row 1*" })),
);

const goodFile = validFile.map((rows) => csvOf(COLUMNS, rowsOf(rows)));
const dryRun = fc.constantFrom("?dryRun=true", "?dryRun=false", "", "?dryRun=false&fileName=%3Cscript%3E.csv");

/** POST /api/v1/import. */
export const importCases: fc.Arbitrary<Case> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(brokenCell(), dryRun).map(([c, query]): Case => ({ label: c.bad.label, raw: c.file, query, status: 400, path: c.path })) },
  { weight: 2, arbitrary: fc.tuple(ruleFiles, dryRun).map(([c, query]): Case => ({ label: c.label, raw: c.file, query, status: 400, path: c.path })) },
  { weight: 2, arbitrary: fc.tuple(structureFiles, dryRun).map(([c, query]): Case => ({ label: c.label, raw: c.file, query, status: 400, path: c.path })) },
  {
    weight: 1,
    arbitrary: fc.tuple(
      goodFile,
      fc.oneof(
        fc.constantFrom("maybe", "TRUE", "1", "", "yes", "false;").map((d) => [`?dryRun=${encodeURIComponent(d)}`, "dryRun"] as const),
        fc.constantFrom("x", "00000000-0000-0000-0000-00000000000", "'; --", "<script>").map((id) => [`?importId=${encodeURIComponent(id)}`, "importId"] as const),
        fc.constantFrom("commit", "dry_run", "__proto__", "dryrun").map((key) => [`?${key}=true`, ""] as const),
        fc.integer({ min: 1, max: 100 }).map((n) => [`?fileName=${"a".repeat(200 + n)}`, "fileName"] as const),
        fc.constantFrom("%00.csv", "a%01b.csv", "%0D%0Ax.csv", "%1B%5B31m.csv").map((name) => [`?dryRun=false&fileName=${name}`, "fileName"] as const),
        fc.constant(["?dryRun=true&dryRun=false", "dryRun"] as const),
      ),
    ).map(([file, [query, path]]): Case => ({ label: "a bad query option", raw: file, query, status: 400, path })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(goodFile, fc.constantFrom("application/json", "multipart/form-data; boundary=fuzzboundary", "application/x-www-form-urlencoded", "image/png", "text/html", null)).map(([file, contentType]): Case => ({
      label: "a wrong media type",
      // A real multipart form with the CSV inside is still not a CSV body.
      raw: contentType?.startsWith("multipart/") ? `--fuzzboundary\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n--fuzzboundary--\r\n` : file,
      contentType,
      query: "?dryRun=false",
      status: 415,
    })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(validRow, fc.integer({ min: 1, max: 64 * 1024 })).map(([row, extra]): Case => ({
      label: "a file over the import limit",
      raw: csvOf(COLUMNS, rowsOf([{ ...row, notes: "n".repeat(9000) }])).repeat(Math.ceil((FUZZ_IMPORT_MAX_BYTES + extra) / 9000)),
      query: "?dryRun=false",
      status: 413,
    })),
  },
);
