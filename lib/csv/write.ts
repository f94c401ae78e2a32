// Writing CSV (RFC 4180). The export writes millions of rows, and a
// general-purpose CSV writer measured at well under half of sqlite3's own
// throughput here, so fields are encoded by the small functions below —
// checked against a CSV parser (csv-parse, which the import uses) by property
// tests in tests/unit/csv-write.test.ts. Cells are neutralised against
// spreadsheet formulas first.
import {
  CSV_COLUMNS,
  isObservationColumn,
  neutralizeCell,
  type CsvColumn,
  type ObservationColumn,
  type ObservationValues,
  type ReportValues,
} from "./columns";

const NEEDS_QUOTES = /[",\r\n]/;

/** One field: neutralised, then quoted when it holds a quote, comma or line break. */
export function csvField(value: string): string {
  const safe = neutralizeCell(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record, CRLF-terminated. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/** Runs of adjacent columns that belong to the report, or to the observation. */
const SEGMENTS = CSV_COLUMNS.reduce<Array<{ observation: boolean; columns: CsvColumn[] }>>((segments, column) => {
  const observation = isObservationColumn(column);
  const last = segments[segments.length - 1];
  if (last && last.observation === observation) last.columns.push(column);
  else segments.push({ observation, columns: [column] });
  return segments;
}, []);

/**
 * A writer for one report's rows: the report's cells are encoded once, and
 * each row only encodes its observation's own cells.
 */
export function reportRowWriter(report: ReportValues): (observation: ObservationValues) => string {
  const parts = SEGMENTS.map((segment) =>
    segment.observation ? null : segment.columns.map((column) => csvField(report[column as keyof ReportValues])).join(","),
  );
  return (observation) => {
    let line = "";
    for (let i = 0; i < SEGMENTS.length; i++) {
      const segment = SEGMENTS[i];
      const part = parts[i] ?? segment.columns.map((column) => csvField(observation[column as ObservationColumn])).join(",");
      line += i ? `,${part}` : part;
    }
    return `${line}\r\n`;
  };
}
