// CSV files as the full export writes them (reportCsvRows, written with lib/csv/write.ts).
import { CSV_COLUMNS, reportCsvRows, type CsvRow } from "@/lib/csv/columns";
import { csvRecord } from "@/lib/csv/write";
import type { ReportJson } from "@/lib/reports/types";

export function exportRows(reports: readonly ReportJson[]): CsvRow[] {
  return reports.flatMap((report) => reportCsvRows(report));
}

export function toCsv(rows: readonly CsvRow[]): string {
  return [CSV_COLUMNS, ...rows.map((row) => CSV_COLUMNS.map((column) => row[column]))].map(csvRecord).join("");
}

export const exportCsv = (reports: readonly ReportJson[]) => toCsv(exportRows(reports));
