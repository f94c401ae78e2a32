// The CSV format of the project: one row per observation, with the report's
// fields and its sourcing repeated on each row. The export writes it and the
// import reads it, so a full export imports back without loss:
// - the plain columns hold every scalar field of the report and the observation;
// - `speakers` and `citations` are readable summaries for spreadsheets;
// - `speakers_json` and `citations_json` carry the same provenance in full
//   (ids, countries, subjects, quotes, kinds, titles, dates, the chain).
import { METRICS } from "../domain";
import { formatQualified } from "../format";
import { findCountry, scopeName } from "../reference-data";
import { chainText, citationChains } from "../reports/provenance";
import type { ReportJson } from "../reports/types";

export const CSV_COLUMNS = [
  "report_id",
  "report_version",
  "target_country",
  "target_country_name",
  "metric",
  "count",
  "qualifier",
  "display_value",
  "period_start",
  "period_end",
  "period_label",
  "scope_type",
  "source_code",
  "source_name",
  "observation_note",
  "report_period_start",
  "report_period_end",
  "period_event_id",
  "stated_on",
  "speakers",
  "citations",
  "citation_chain",
  "quote",
  "notes",
  "status",
  "retraction_reason",
  "synthetic",
  "speakers_json",
  "citations_json",
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<CsvColumn, string>;

/** What each column means; shown in "About this data" and the metadata endpoint. */
export const CSV_COLUMN_DESCRIPTIONS: Record<CsvColumn, string> = {
  report_id: "Id of the report (one published statement). Rows with the same id belong to the same report.",
  report_version: "Version of the report when exported; an import that changes the report must carry the current version.",
  target_country: "ISO 3166-1 alpha-2 code of the country that was attacked.",
  target_country_name: "English name of the target country (read only).",
  metric: `What was counted: ${Object.keys(METRICS).join(", ")}.`,
  count: "The figure as a whole number; empty when the source was named without a number.",
  qualifier: "exact, approximately, at_least, more_than or up_to — as the speaker said it; empty when there is no count.",
  display_value: 'The figure with its qualifier, e.g. "> 40,000,000"; "named, no figure" when there is no count (read only).',
  period_start: "First day the figure covers (YYYY-MM-DD).",
  period_end: "Last day the figure covers; empty for an open period (\"since …\").",
  period_label: "The period in the speaker's words, e.g. \"since the arrest of Julian Assange\".",
  scope_type: "all (all sources), country (one source country) or region (a UN M49 region).",
  source_code: "ISO 3166-1 alpha-2 for a country, UN M49 code for a region, empty for all sources.",
  source_name: "Name of the source country or region (read only).",
  observation_note: "Words qualifying the figure that are not a number, e.g. \"mainly\".",
  report_period_start: "First day of the period the whole report covers.",
  report_period_end: "Last day of the report's period; empty when open-ended.",
  period_event_id: "Id of the timeline event the period is counted from, if any.",
  stated_on: "Date the statement was made; empty when the sources do not say.",
  speakers: 'Who the figure is attributed to: "name; role; organisation", several separated by " | " (an empty name is an unnamed official).',
  citations: 'Where it was published: "outlet; url; published date", several separated by " | ".',
  citation_chain: 'The path of the statement, e.g. "Agence France-Presse (AFP) (interview) → The Hill (republished)" (read only).',
  quote: "The speaker's words, verbatim; empty when only a paraphrase was published.",
  notes: "Notes on the report.",
  status: "draft, published or retracted.",
  retraction_reason: "Why a retracted report was retracted.",
  synthetic: "true for generated demo data, never a real claim.",
  speakers_json: "The speakers in full, as JSON (id, name, role, organisation, country, subject, quote).",
  citations_json: "The citations in full, as JSON (outlet, kind, url, title, publishedOn, accessedOn, takenFrom index).",
};

const FORMULA_START = /^[=+\-@\t\r]/;
// A value that already looks escaped ('=…) is escaped once more, or the import
// would take its apostrophe for ours and drop it.
const NEEDS_ESCAPE = /^'*[=+\-@\t\r]/;

/**
 * Spreadsheets run cells that start with = + - @ tab or CR as formulas; a
 * leading apostrophe makes them text. restoreCell undoes it on import.
 */
export function neutralizeCell(value: string): string {
  return NEEDS_ESCAPE.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return value.startsWith("'") && NEEDS_ESCAPE.test(value.slice(1)) ? value.slice(1) : value;
}

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));

/** Columns whose value changes from one observation to the next; all others are the report's. */
export const OBSERVATION_COLUMNS = [
  "count",
  "qualifier",
  "display_value",
  "period_start",
  "period_end",
  "scope_type",
  "source_code",
  "source_name",
  "observation_note",
] as const satisfies readonly CsvColumn[];

export type ObservationColumn = (typeof OBSERVATION_COLUMNS)[number];
export type ReportColumn = Exclude<CsvColumn, ObservationColumn>;
export type ReportValues = Record<ReportColumn, string>;
export type ObservationValues = Record<ObservationColumn, string>;

const observationColumns = new Set<CsvColumn>(OBSERVATION_COLUMNS);
export const isObservationColumn = (column: CsvColumn): column is ObservationColumn => observationColumns.has(column);

/** The cells that are the same on every row of a report: computed once per report. */
export function reportValues(report: ReportJson): ReportValues {
  return {
    report_id: text(report.id),
    report_version: text(report.version),
    target_country: report.targetCountry,
    target_country_name: findCountry(report.targetCountry)?.name ?? "",
    metric: report.metric,
    period_label: text(report.periodLabel),
    report_period_start: report.periodStart,
    report_period_end: text(report.periodEnd),
    period_event_id: text(report.periodEventId),
    stated_on: text(report.statedOn),
    speakers: report.speakers.map((s) => [s.name, s.role, s.organisation].map(text).join("; ")).join(" | "),
    citations: report.citations.map((c) => [c.outlet.name, c.url, c.publishedOn].map(text).join("; ")).join(" | "),
    citation_chain: citationChains(report.citations).map(chainText).join(" | "),
    quote: text(report.quote),
    notes: text(report.notes),
    status: report.status,
    retraction_reason: text(report.retractionReason),
    synthetic: report.synthetic ? "true" : "false",
    speakers_json: JSON.stringify(
      report.speakers.map(({ id, name, role, organisation, country, subject, quote }) => ({ id, name, role, organisation, country, subject, quote })),
    ),
    citations_json: JSON.stringify(
      report.citations.map(({ outlet, kind, url, title, publishedOn, accessedOn, takenFrom }) => ({
        outlet,
        kind,
        url,
        title,
        publishedOn,
        accessedOn,
        takenFrom,
      })),
    ),
  };
}

/** The cells of one observation. */
export function observationValues(o: ReportJson["observations"][number]): ObservationValues {
  return {
    count: text(o.count),
    qualifier: text(o.qualifier),
    display_value: formatQualified(o.count, o.qualifier, "symbol"),
    period_start: o.periodStart,
    period_end: text(o.periodEnd),
    scope_type: o.scope.type,
    source_code: text(o.scope.code),
    source_name: o.scope.type === "all" ? "" : scopeName(o.scope.type, o.scope.code),
    observation_note: text(o.note),
  };
}

/**
 * The rows of one report, in the order of its observations (or of the given
 * subset of them), keyed by column. Cells are raw: neutralise them when writing.
 */
export function reportCsvRows(report: ReportJson, observations: ReportJson["observations"] = report.observations): CsvRow[] {
  const same = reportValues(report);
  return observations.map((o) => {
    const own = observationValues(o);
    return Object.fromEntries(CSV_COLUMNS.map((column) => [column, isObservationColumn(column) ? own[column] : same[column]])) as CsvRow;
  });
}
