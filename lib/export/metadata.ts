// "About this data", machine-readable: what the exports hold and what every column means.
import { CSV_COLUMNS, CSV_COLUMN_DESCRIPTIONS } from "../csv/columns";
import { QUALIFIERS, REPORT_STATUSES } from "../domain";
import { EXPORT_CHARTS } from "./csv";

export function exportMetadata() {
  return {
    title: "Reported cyberattack figures",
    description:
      "Cyberattack counts as officials reported them, one row per observation, each with its qualifier, who said it, to which outlet and where it was published. These are claims, not measurements.",
    rules: [
      "Figures from different reports are never added up; charts pick one by a stated rule (the latest statement) and the full export keeps them all.",
      "A source named without a number has an empty count and the display value 'named, no figure' — never zero.",
      "Cells beginning with =, +, -, @, tab or carriage return are prefixed with an apostrophe against spreadsheet formula injection.",
      "Countries are ISO 3166-1 alpha-2; regions are UN M49 codes; dates are ISO 8601 (YYYY-MM-DD).",
    ],
    exports: EXPORT_CHARTS.map((chart) => ({
      path: `/api/v1/export/${chart}.csv`,
      rows: {
        displayed: chart === "reports" ? "every observation of the reports matching the filters" : "the rows the chart draws under the filters",
        full: "every observation of every report with the selected status (default: published), all other filters off",
      },
    })),
    parameters: ["target", "source", "from", "to", "metric", "org", "outlet", "status", "rows"],
    qualifiers: QUALIFIERS,
    statuses: REPORT_STATUSES,
    columns: CSV_COLUMNS.map((name) => ({ name, description: CSV_COLUMN_DESCRIPTIONS[name] })),
    encoding: "UTF-8 with byte order mark, RFC 4180 quoting, header row",
  };
}
