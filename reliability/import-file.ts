// A large import file for the crash tests: `reports` new reports (no ids) of
// two observations each, distinct by their notes, in the template's format.
import fs from "node:fs";
import { CSV_COLUMNS, reportCsvRows } from "../lib/csv/columns";
import { csvRecord } from "../lib/csv/write";
import type { ReportJson } from "../lib/reports/types";

function report(k: number): ReportJson {
  return {
    id: 0,
    targetCountry: "EC",
    metric: "cyberattacks",
    periodStart: "2019-04-11",
    periodEnd: null,
    periodLabel: null,
    periodEventId: null,
    statedOn: null,
    quote: null,
    notes: `Crash test report ${k}`,
    status: "draft",
    retractionReason: null,
    synthetic: true,
    version: 0,
    createdAt: "",
    updatedAt: "",
    speakers: [{ id: 0, name: null, role: "Deputy Minister for Information and Communication Technologies", organisation: null, country: "EC", subject: "figure", quote: null }],
    citations: [
      { id: 0, outlet: { id: 0, name: "Agence France-Presse (AFP)", kind: "wire_agency", homepage: "https://www.afp.com/", country: null }, kind: "interview", url: null, title: null, publishedOn: null, accessedOn: null, takenFrom: null },
    ],
    observations: [
      { id: 0, count: 1000 + k, qualifier: "more_than", periodStart: "2019-04-11", periodEnd: null, scope: { type: "all", code: null }, note: null },
      { id: 0, count: null, qualifier: null, periodStart: "2019-04-11", periodEnd: null, scope: { type: "country", code: "US" }, note: "mainly" },
    ],
  } as ReportJson;
}

/** Writes the file; returns how many data rows (observations) and reports it holds. */
export async function writeImportFile(file: string, rows: number): Promise<{ rows: number; reports: number }> {
  const out = fs.createWriteStream(file);
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve())));
  await write(csvRecord([...CSV_COLUMNS]));
  const reports = Math.ceil(rows / 2);
  for (let k = 0; k < reports; k++) {
    for (const csvRow of reportCsvRows(report(k))) {
      const cells = CSV_COLUMNS.map((column) => csvRow[column]);
      cells[CSV_COLUMNS.indexOf("report_id")] = "";
      cells[CSV_COLUMNS.indexOf("report_version")] = "";
      const speakers = CSV_COLUMNS.indexOf("speakers_json");
      cells[speakers] = JSON.stringify(JSON.parse(cells[speakers]).map(({ id: _id, ...s }: { id: number }) => s));
      const citations = CSV_COLUMNS.indexOf("citations_json");
      cells[citations] = JSON.stringify(JSON.parse(cells[citations]).map(({ outlet: { id: _id, ...outlet }, ...c }: { outlet: { id: number } }) => ({ ...c, outlet })));
      await write(csvRecord(cells));
    }
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { rows: reports * 2, reports };
}
