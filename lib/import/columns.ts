// From CSV rows (the format of lib/csv/columns.ts) to report inputs, and from
// a schema issue back to the row and column a person can fix.
//
// Which rows form one report:
// - rows with a report_id belong to that existing report;
// - rows without one belong together when all their report columns are equal
//   (everything but the observation's own columns).
// Either way a report's rows must be next to each other, so a file of any size
// is read with memory for one report at a time.
import crypto from "node:crypto";
import { CSV_COLUMNS, restoreCell, type CsvColumn } from "../csv/columns";
import type { ReportInputDraft } from "../schemas/report";

export interface RowError {
  /** Row in the file as a spreadsheet numbers it: the header is row 1. */
  row: number;
  column: string;
  message: string;
}

/** Columns the export writes for reading only (names, summaries); the import ignores them. */
export const READ_ONLY_COLUMNS: readonly CsvColumn[] = ["target_country_name", "display_value", "source_name", "citation_chain"];

/** An observation's own columns; all the others describe the report. */
const OBSERVATION_COLUMNS: readonly CsvColumn[] = ["count", "qualifier", "display_value", "period_start", "period_end", "scope_type", "source_code", "source_name", "observation_note"];
const REPORT_COLUMNS = CSV_COLUMNS.filter((c) => !OBSERVATION_COLUMNS.includes(c) && c !== "report_id" && c !== "report_version");

/** Without these a row cannot say anything. The others may be left out and count as empty. */
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ["target_country", "report_period_start", "count", "scope_type"];

export type Cells = Partial<Record<CsvColumn, string>>;

export interface Header {
  columns: Array<CsvColumn | null>;
  errors: RowError[];
}

export function readHeader(cells: string[]): Header {
  const errors: RowError[] = [];
  const seen = new Set<string>();
  const columns = cells.map((raw, index) => {
    const name = raw.trim().replace(/^\uFEFF/, "");
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      errors.push({ row: 1, column: name || `column ${index + 1}`, message: `Unknown column '${name}'. The columns are those of the template (and of the full export).` });
      return null;
    }
    if (seen.has(name)) errors.push({ row: 1, column: name, message: `The column '${name}' appears twice.` });
    seen.add(name);
    return name as CsvColumn;
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!seen.has(required)) errors.push({ row: 1, column: required, message: `The column '${required}' is missing.` });
  }
  if (!seen.has("speakers_json") && !seen.has("speakers")) errors.push({ row: 1, column: "speakers_json", message: "Either 'speakers_json' or 'speakers' is needed: who said it." });
  if (!seen.has("citations_json") && !seen.has("citations")) errors.push({ row: 1, column: "citations_json", message: "Either 'citations_json' or 'citations' is needed: where it was published." });
  return { columns, errors };
}

export function rowCells(header: Header, record: string[]): Cells {
  const cells: Cells = {};
  header.columns.forEach((column, index) => {
    if (column) cells[column] = restoreCell(record[index] ?? "");
  });
  return cells;
}

/** Which report a row belongs to. */
export function groupKey(cells: Cells): string {
  const id = cells.report_id?.trim();
  if (id) return `id:${id}`;
  const hash = crypto.createHash("sha256");
  for (const column of REPORT_COLUMNS) hash.update(`${column}\u0000${cells[column] ?? ""}\u0001`);
  // 96 bits: no two reports of a file share a key, and a key per report costs little memory.
  return `c:${hash.digest("base64url").slice(0, 16)}`;
}

/** Report columns of a row that differ from the report's first row (for rows tied by report_id). */
export function differingReportColumns(first: Cells, row: Cells): CsvColumn[] {
  return REPORT_COLUMNS.filter((column) => !READ_ONLY_COLUMNS.includes(column) && column !== "speakers" && column !== "citations" && (first[column] ?? "") !== (row[column] ?? ""));
}

const empty = (value: string | undefined) => value === undefined || value.trim() === "";
const textOrNull = (value: string | undefined) => (empty(value) ? null : value!);
const trimmedOrNull = (value: string | undefined) => (empty(value) ? null : value!.trim());

/** Numbers stay numbers so the schema can say what is wrong with them; anything else is passed on as text. */
function numberCell(value: string | undefined): unknown {
  if (empty(value)) return null;
  const text = value!.trim();
  return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? Number(text) : text;
}

function booleanCell(value: string | undefined): unknown {
  if (empty(value)) return undefined;
  const text = value!.trim().toLowerCase();
  return text === "true" ? true : text === "false" ? false : value;
}

export interface CellProblem {
  column: CsvColumn;
  message: string;
}

/** "name; role; organisation | …" → speakers given whole (the readable column, for hand-made files). */
function speakersFromSummary(text: string): unknown[] {
  return text.split("|").map((part) => {
    const [name, role, organisation] = part.split(";").map((s) => s.trim());
    return { name: name || null, role: role || null, organisation: organisation || null, subject: "figure" };
  });
}

/** "outlet; url; published date | …" → citations with outlets by name. */
function citationsFromSummary(text: string): unknown[] {
  return text.split("|").map((part) => {
    const [outlet, url, publishedOn] = part.split(";").map((s) => s.trim());
    return { outlet: { name: outlet || null }, url: url || null, publishedOn: publishedOn || null };
  });
}

function jsonList(cells: Cells, column: "speakers_json" | "citations_json", problems: CellProblem[]): unknown[] | undefined {
  const text = cells[column];
  if (empty(text)) return undefined;
  try {
    const value: unknown = JSON.parse(text!);
    if (Array.isArray(value)) return value;
    problems.push({ column, message: "must be a JSON list ([…])" });
  } catch (error) {
    problems.push({ column, message: `is not valid JSON: ${error instanceof Error ? error.message.slice(0, 120) : "parse error"}` });
  }
  return [];
}

function withoutId(item: unknown): unknown {
  if (!item || typeof item !== "object" || Array.isArray(item)) return item;
  const { id: _id, ...rest } = item as Record<string, unknown>;
  return rest;
}

export interface GroupInput {
  draft: ReportInputDraft & Record<string, unknown>;
  reportId: unknown;
  version: unknown;
  /** Where the speakers and citations came from, to name the right column in errors. */
  speakersColumn: CsvColumn;
  citationsColumn: CsvColumn;
  problems: CellProblem[];
}

/** One report's input from its rows (the report's columns from the first row). */
export function groupInput(rows: Cells[]): GroupInput {
  const first = rows[0];
  const problems: CellProblem[] = [];
  const speakersJson = jsonList(first, "speakers_json", problems);
  const citationsJson = jsonList(first, "citations_json", problems);
  const isNew = empty(first.report_id);
  // A new report's file may come from another database, where speaker and outlet ids name other
  // rows: it is matched by what the file says about them. Rows of an existing report keep their ids.
  const speakers = (speakersJson ?? (empty(first.speakers) ? [] : speakersFromSummary(first.speakers!))).map((s) => (isNew ? withoutId(s) : s));
  const citations = (citationsJson ?? (empty(first.citations) ? [] : citationsFromSummary(first.citations!))).map((c) =>
    isNew && c && typeof c === "object" && !Array.isArray(c) ? { ...(c as Record<string, unknown>), outlet: withoutId((c as Record<string, unknown>).outlet) } : c,
  );
  const draft = {
    targetCountry: trimmedOrNull(first.target_country) ?? undefined,
    metric: trimmedOrNull(first.metric) ?? undefined,
    periodStart: trimmedOrNull(first.report_period_start) ?? undefined,
    periodEnd: trimmedOrNull(first.report_period_end),
    periodLabel: textOrNull(first.period_label),
    periodEventId: numberCell(first.period_event_id),
    statedOn: trimmedOrNull(first.stated_on),
    quote: textOrNull(first.quote),
    notes: textOrNull(first.notes),
    status: trimmedOrNull(first.status) ?? undefined,
    retractionReason: textOrNull(first.retraction_reason),
    synthetic: booleanCell(first.synthetic),
    speakers,
    citations,
    observations: rows.map((row) => {
      const periodStart = trimmedOrNull(row.period_start);
      return {
        count: numberCell(row.count),
        qualifier: trimmedOrNull(row.qualifier) ?? undefined,
        // No start: the report's period. A start without an end: open-ended.
        ...(periodStart ? { periodStart, periodEnd: trimmedOrNull(row.period_end) } : {}),
        scope: { type: trimmedOrNull(row.scope_type) ?? undefined, code: trimmedOrNull(row.source_code) },
        note: textOrNull(row.observation_note),
      };
    }),
  } as unknown as ReportInputDraft & Record<string, unknown>;
  return {
    draft,
    reportId: numberCell(first.report_id),
    version: numberCell(first.report_version),
    speakersColumn: speakersJson !== undefined || empty(first.speakers) ? "speakers_json" : "speakers",
    citationsColumn: citationsJson !== undefined || empty(first.citations) ? "citations_json" : "citations",
    problems,
  };
}

const FIELD_COLUMNS: Record<string, CsvColumn> = {
  targetCountry: "target_country",
  metric: "metric",
  periodStart: "report_period_start",
  periodEnd: "report_period_end",
  periodLabel: "period_label",
  periodEventId: "period_event_id",
  statedOn: "stated_on",
  quote: "quote",
  notes: "notes",
  status: "status",
  retractionReason: "retraction_reason",
  synthetic: "synthetic",
  version: "report_version",
};

const OBSERVATION_FIELD_COLUMNS: Record<string, CsvColumn> = {
  count: "count",
  qualifier: "qualifier",
  periodStart: "period_start",
  periodEnd: "period_end",
  scope: "scope_type",
  note: "observation_note",
};

/** A schema issue of a report ("observations.2.count") → the row and column to fix. */
export function locateIssue(path: string, message: string, rows: number[], group: Pick<GroupInput, "speakersColumn" | "citationsColumn">): RowError {
  const parts = path.split(".");
  const [field, index, sub, subsub] = parts;
  if (field === "observations" && index !== undefined && /^\d+$/.test(index)) {
    const column = sub === "scope" && subsub === "code" ? "source_code" : (OBSERVATION_FIELD_COLUMNS[sub] ?? "count");
    return { row: rows[Number(index)] ?? rows[0], column, message };
  }
  if (field === "speakers") return { row: rows[0], column: group.speakersColumn, message: parts.length > 1 ? `speaker ${Number(index) + 1}${sub ? ` ${parts.slice(2).join(".")}` : ""}: ${message}` : message };
  if (field === "citations") return { row: rows[0], column: group.citationsColumn, message: parts.length > 1 ? `citation ${Number(index) + 1}${sub ? ` ${parts.slice(2).join(".")}` : ""}: ${message}` : message };
  if (field === "observations") return { row: rows[0], column: "count", message };
  return { row: rows[0], column: FIELD_COLUMNS[field] ?? (field || "report"), message };
}
