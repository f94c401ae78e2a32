// Reading an import file into reports, with memory bounded by limits that hold
// before anything grows: a file of any size up to IMPORT_MAX_BYTES is read with
// memory for one chunk of reports, however its rows are arranged.
//
// - a record is at most MAX_RECORD_BYTES (the parser refuses longer ones);
// - the header has at most MAX_HEADER_COLUMNS cells;
// - a cell is at most its column's length (CELL_LIMITS), else the row is refused unread;
// - a report keeps at most LIMITS.observations rows: rows past it are only
//   counted and named in one error, never collected;
// - rows after a report's first keep only their observation's cells (the
//   report's columns are the first row's, and are checked to be equal);
// - a chunk ends at CHUNK_REPORTS reports or CHUNK_CHARACTERS characters of cells.
import { parse } from "csv-parse";
import { ApiError } from "../api/errors";
import { CSV_COLUMNS, type CsvColumn } from "../csv/columns";
import { LIMITS } from "../schemas/report";
import { differingReportColumns, groupKey, readHeader, rowCells, type Cells, type Header, type RowError } from "./columns";
import type { RawGroup } from "./plan";

/** Reports planned (and written) together: big enough to batch, small enough to keep memory flat. */
export const CHUNK_REPORTS = 250;
/** …and at most this many characters of cells (a few long reports make a chunk too). */
export const CHUNK_CHARACTERS = 8 * 1024 * 1024;
export const MAX_RECORD_BYTES = 1024 * 1024;
/** Well above the template's columns, so a header that repeats a few is still named column by column. */
export const MAX_HEADER_COLUMNS = CSV_COLUMNS.length * 2;

/** The observation's own cells: what rows after a report's first row keep. */
const OBSERVATION_CELLS: readonly CsvColumn[] = ["count", "qualifier", "period_start", "period_end", "scope_type", "source_code", "observation_note"];

/**
 * The longest cell each column may hold, well above what the report schema
 * accepts (so the schema names ordinary mistakes) and far below what would let
 * a thousand rows of one report fill the memory.
 */
const DEFAULT_CELL_LIMIT = 100_000;
const CELL_LIMITS: Partial<Record<CsvColumn, number>> = {
  report_id: 40,
  report_version: 40,
  count: 100,
  qualifier: 100,
  period_start: 100,
  period_end: 100,
  scope_type: 100,
  source_code: 100,
  source_name: 1_000,
  display_value: 1_000,
  observation_note: 2_000,
  speakers_json: MAX_RECORD_BYTES,
  citations_json: MAX_RECORD_BYTES,
};
export const cellLimit = (column: CsvColumn) => CELL_LIMITS[column] ?? DEFAULT_CELL_LIMIT;

export class Collected {
  errors: RowError[] = [];
  count = 0;
  constructor(private readonly stored: number) {}
  add(error: RowError) {
    this.count++;
    if (this.errors.length < this.stored) this.errors.push(error);
  }
}

export function csvParser() {
  return parse({ bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES });
}

export type SizedGroup = RawGroup & { characters: number };

const charactersOf = (cells: Cells) => Object.values(cells).reduce((sum, value) => sum + (value?.length ?? 0), 0);

function observationCells(cells: Cells): Cells {
  const kept: Cells = {};
  for (const column of OBSERVATION_CELLS) if (cells[column] !== undefined) kept[column] = cells[column];
  return kept;
}

const rowsText = (first: number, last: number) => (first === last ? `row ${first}` : `rows ${first}–${last}`);

/**
 * The rows of a CSV stream as groups of one report each. Problems that are
 * not about one report's content (header, cell counts and lengths, split or
 * oversized reports) go to `errors`.
 */
export async function* readGroups(records: AsyncIterable<string[]>, errors: Collected, stats: { rows: number }): AsyncGenerator<SizedGroup> {
  let header: Header | null = null;
  let current: (SizedGroup & { key: string; extra: { first: number; last: number; count: number } | null }) | null = null;
  // One short key per report seen, to refuse a report whose rows are apart (lib/import/columns.ts groupKey).
  const started = new Map<string, number>();
  let rowNumber = 0;
  const close = function* (group: NonNullable<typeof current>) {
    if (!group.extra) {
      yield { rows: group.rows, cells: group.cells, characters: group.characters };
      return;
    }
    const { first, last, count } = group.extra;
    errors.add({
      row: first,
      column: "",
      message: `${rowsText(first, last)} (${count.toLocaleString("en-US")} more) belong to the report that starts on row ${group.rows[0]}, which already has ${LIMITS.observations.toLocaleString("en-US")} rows: a report has at most ${LIMITS.observations.toLocaleString("en-US")} observations`,
    });
  };
  try {
    for await (const record of records) {
      rowNumber++;
      if (!header) {
        if (record.length > MAX_HEADER_COLUMNS) {
          errors.add({ row: 1, column: "", message: `The header has ${record.length.toLocaleString("en-US")} columns; the template has ${CSV_COLUMNS.length} (at most ${MAX_HEADER_COLUMNS} are read).` });
          return;
        }
        header = readHeader(record);
        header.errors.forEach((e) => errors.add(e));
        if (header.errors.length) return;
        continue;
      }
      stats.rows++;
      if (record.every((cell) => cell.trim() === "")) continue;
      if (record.length !== header.columns.length) {
        errors.add({ row: rowNumber, column: "", message: `has ${record.length} cells; the header has ${header.columns.length}` });
        continue;
      }
      const tooLong = header.columns.findIndex((column, index) => column !== null && record[index].length > cellLimit(column));
      if (tooLong >= 0) {
        const column = header.columns[tooLong]!;
        errors.add({ row: rowNumber, column, message: `is ${record[tooLong].length.toLocaleString("en-US")} characters long; this column holds at most ${cellLimit(column).toLocaleString("en-US")}` });
        continue;
      }
      const cells: Cells = rowCells(header, record);
      const key = groupKey(cells);
      if (current && current.key === key) {
        if (current.extra || current.rows.length >= LIMITS.observations) {
          // Past the limit: counted and named once, never kept.
          current.extra = current.extra ? { ...current.extra, last: rowNumber, count: current.extra.count + 1 } : { first: rowNumber, last: rowNumber, count: 1 };
          continue;
        }
        // Rows tied by report_id must agree on the report; rows without one differ only in their observation.
        const differing = differingReportColumns(current.cells[0], cells);
        if (differing.length) {
          for (const column of differing) {
            errors.add({ row: rowNumber, column, message: `differs from row ${current.rows[0]}, the report's first row: every row of a report must repeat its report columns` });
          }
          continue;
        }
        const kept = observationCells(cells);
        current.rows.push(rowNumber);
        current.cells.push(kept);
        current.characters += charactersOf(kept);
        continue;
      }
      const firstRow = started.get(key);
      if (firstRow !== undefined) {
        errors.add({
          row: rowNumber,
          column: cells.report_id ? "report_id" : "",
          message: `belongs to the report that starts on row ${firstRow}: a report's rows must be next to each other`,
        });
        continue;
      }
      if (current) yield* close(current);
      started.set(key, rowNumber);
      current = { key, rows: [rowNumber], cells: [cells], characters: charactersOf(cells), extra: null };
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const csv = error as { code?: string; message?: string; records?: number };
    if ((typeof csv.code === "string" && csv.code.startsWith("CSV_")) || csv.code === "INVALID_OPENING_QUOTE") {
      // The parser may fail before this loop has taken the records it read: its own count says which row broke.
      const row = (typeof csv.records === "number" ? Math.max(csv.records, rowNumber) : rowNumber) + 1;
      errors.add({ row, column: "", message: `The file is not valid CSV here: ${csv.message}` });
    } else throw error;
  }
  if (!header && errors.count === 0) errors.add({ row: 1, column: "", message: "The file is empty: it needs the header row of the template and at least one row." });
  if (current) yield* close(current);
}

export async function* inChunks(groups: AsyncIterable<SizedGroup>): AsyncGenerator<RawGroup[]> {
  let batch: RawGroup[] = [];
  let characters = 0;
  for await (const group of groups) {
    batch.push({ rows: group.rows, cells: group.cells });
    characters += group.characters;
    if (batch.length >= CHUNK_REPORTS || characters >= CHUNK_CHARACTERS) {
      yield batch;
      batch = [];
      characters = 0;
    }
  }
  if (batch.length) yield batch;
}
