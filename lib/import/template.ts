// The import template: the full export's header and, as an example, the
// founding story's rows without ids (speakers and outlets given whole).
import { CSV_COLUMNS, reportCsvRows } from "../csv/columns";
import { csvRecord } from "../csv/write";
import type { ReportJson } from "../reports/types";

const EXAMPLE: ReportJson = {
  id: 0,
  targetCountry: "EC",
  metric: "cyberattacks",
  periodStart: "2019-04-11",
  periodEnd: null,
  periodLabel: "since the arrest of Julian Assange",
  periodEventId: null,
  statedOn: null,
  quote: null,
  notes: "Example row from the import template: replace it with your own reports.",
  status: "draft",
  retractionReason: null,
  synthetic: false,
  version: 0,
  createdAt: "",
  updatedAt: "",
  speakers: [
    { id: 0, name: null, role: "Deputy Minister for Information and Communication Technologies", organisation: null, country: "EC", subject: "figure", quote: null },
  ],
  citations: [
    { id: 0, outlet: { id: 0, name: "Agence France-Presse (AFP)", kind: "wire_agency", homepage: "https://www.afp.com/", country: null }, kind: "interview", url: null, title: null, publishedOn: null, accessedOn: null, takenFrom: null },
  ],
  observations: [
    { id: 0, count: 40_000_000, qualifier: "more_than", periodStart: "2019-04-11", periodEnd: null, scope: { type: "all", code: null }, note: null },
    { id: 0, count: null, qualifier: null, periodStart: "2019-04-11", periodEnd: null, scope: { type: "country", code: "US" }, note: "mainly" },
  ],
};

/** Ids of the example stripped: a new report, whose speaker and outlet are matched or created by their details. */
function withoutIds(rows: ReturnType<typeof reportCsvRows>) {
  return rows.map((row) => ({
    ...row,
    report_id: "",
    report_version: "",
    speakers_json: JSON.stringify(JSON.parse(row.speakers_json).map(({ id: _id, ...s }: { id: number }) => s)),
    citations_json: JSON.stringify(
      JSON.parse(row.citations_json).map(({ outlet: { id: _id, ...outlet }, ...c }: { outlet: { id: number } }) => ({ ...c, outlet })),
    ),
  }));
}

export function importTemplateCsv(): string {
  const rows = withoutIds(reportCsvRows(EXAMPLE));
  return [CSV_COLUMNS, ...rows.map((row) => CSV_COLUMNS.map((column) => row[column]))].map(csvRecord).join("");
}
