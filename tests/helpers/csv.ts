// CSV files as the full export writes them (csv-stringify, reportCsvRows, neutralizeCell).
import { stringify } from "csv-stringify/sync";
import { CSV_COLUMNS, neutralizeCell, reportCsvRows, type CsvRow } from "@/lib/csv/columns";
import type { ReportJson } from "@/lib/reports/types";

export function exportRows(reports: readonly ReportJson[]): CsvRow[] {
  return reports.flatMap(reportCsvRows);
}

export function toCsv(rows: readonly CsvRow[]): string {
  return stringify(
    rows.map((row) => CSV_COLUMNS.map((column) => neutralizeCell(row[column]))),
    { header: true, columns: [...CSV_COLUMNS] },
  );
}

export const exportCsv = (reports: readonly ReportJson[]) => toCsv(exportRows(reports));
