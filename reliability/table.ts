// Prints reliability rows as one aligned table.
import type { ReliabilityRow } from "./types";

export function formatRows(rows: ReliabilityRow[]): string {
  const header = ["part", "metric", "value", "target", ""];
  const cells = rows.map((row) => [row.part, row.metric, String(row.value), row.target ?? "", row.ok ? "ok" : "MISSED"]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((cell, i) => (i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

export function printRows(rows: ReliabilityRow[]): void {
  console.log(formatRows(rows));
  if (rows.some((row) => !row.ok)) process.exitCode = 1;
}
