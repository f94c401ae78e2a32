// The table view of each chart: exactly the rows the chart draws, in the same
// order — the chart's text alternative and what the "displayed" CSV holds.
import Link from "next/link";
import { METRICS } from "@/lib/domain";
import { formatPeriod } from "@/lib/format";
import { findCountry } from "@/lib/reference-data";
import type { ChartData } from "@/lib/dashboard/load";
import type { Figure } from "@/lib/dashboard/types";

function SourceCell({ figure }: { figure: Figure }) {
  return (
    <td>
      <Link href={`/reports/${figure.reportId}`}>{figure.sourceNumber !== null ? `[${figure.sourceNumber}]` : `Report ${figure.reportId}`}</Link>
    </td>
  );
}

function FigureCells({ figure }: { figure: Figure }) {
  return (
    <>
      <td className={figure.count === null ? "num num--named" : "num"}>{figure.display}</td>
      <td>{METRICS[figure.metric] ?? figure.metric}</td>
      <td>{formatPeriod(figure.periodStart, figure.periodEnd)}</td>
      <td>{figure.statedOn ?? <span className="muted">not recorded</span>}</td>
    </>
  );
}

export function ChartTable({ chart, caption }: { chart: ChartData; caption: string }) {
  switch (chart.chart) {
    case "timeline": {
      const names = new Map(chart.data.series.map((s) => [s.code, s.name]));
      return (
        <table className="data-table" data-chart="timeline">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col">Figure</th>
              <th scope="col">Metric</th>
              <th scope="col">Period</th>
              <th scope="col">Stated</th>
              <th scope="col">Kind</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {chart.data.marks.map((mark, index) => (
              <tr key={index} data-report-id={mark.reportId} data-key={mark.series} data-display={mark.display}>
                <th scope="row">
                  {names.get(mark.series) ?? mark.series}
                  {mark.source && <span className="muted"> · from {mark.source}</span>}
                </th>
                <FigureCells figure={mark} />
                <td>
                  {mark.count === null ? "source named" : mark.kind === "daily" ? "daily figure" : mark.source ? "figure for the source" : "headline"}
                  {mark.others > 0 && <span className="muted"> · latest of {mark.others + 1} in its {chart.data.bucket}</span>}
                </td>
                <SourceCell figure={mark} />
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case "by-source":
    case "map":
      return (
        <table className="data-table" data-chart={chart.chart}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Figure</th>
              <th scope="col">Metric</th>
              <th scope="col">Period</th>
              <th scope="col">Stated</th>
              <th scope="col">Target</th>
              <th scope="col">Note</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {chart.data.rows.map((row) => (
              <tr key={`${row.scopeType}:${row.code}`} data-report-id={row.reportId} data-key={row.code} data-display={row.display}>
                <th scope="row">
                  {row.name}
                  {row.scopeType === "region" && <span className="tag tag--region">region</span>}
                  {chart.chart === "map" && row.scopeType === "region" && <span className="muted"> (listed beside the map)</span>}
                </th>
                <FigureCells figure={row} />
                <td>{findCountry(row.targetCountry)?.name ?? row.targetCountry}</td>
                <td>{row.note ?? ""}</td>
                <SourceCell figure={row} />
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "by-target":
      return (
        <table className="data-table" data-chart="by-target">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col">Latest figure</th>
              <th scope="col">Metric</th>
              <th scope="col">Period</th>
              <th scope="col">Stated</th>
              <th scope="col">Reports</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {chart.data.rows.map((row) => (
              <tr key={row.code} data-report-id={row.reportId} data-key={row.code} data-display={row.display}>
                <th scope="row">
                  {row.name}
                  {row.source && <span className="muted"> · from {row.source}</span>}
                </th>
                <FigureCells figure={row} />
                <td className="num">
                  {row.reports}
                  {row.context && <div className="muted table-context">{row.context}</div>}
                </td>
                <SourceCell figure={row} />
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}
