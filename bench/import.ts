// Import throughput: filled in once the import API lands (issue 4's branch).
import type { RunningApp } from "./server";

export interface ImportResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMiB: number | null;
}

export async function benchImport(_app: RunningApp, _file: string, _rows: number): Promise<ImportResult> {
  throw new Error("the import API is not on this branch yet");
}
