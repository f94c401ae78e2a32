import { METRICS } from "@/lib/domain";
import { formatDate, formatPeriod } from "@/lib/format";
import { findCountry, scopeName } from "@/lib/reference-data";
import type { ReportJson } from "@/lib/reports/types";
import { QualifiedFigure } from "./QualifiedFigure";
import { Sourcing } from "./Sourcing";

/** One report: its figures on the left, its sourcing beside them. */
export function ReportCard({ report }: { report: ReportJson }) {
  const target = findCountry(report.targetCountry)?.name ?? report.targetCountry;
  const headline = report.observations.filter((o) => o.scope.type === "all");
  const bySource = report.observations.filter((o) => o.scope.type !== "all");
  const metric = METRICS[report.metric] ?? report.metric;
  return (
    <article className="report-card" aria-labelledby={`report-${report.id}-title`}>
      <div className="report-card__figures">
        <p className="report-card__eyebrow">
          <span className="tag">Target: {target}</span>
          {report.synthetic && <span className="tag tag--synthetic">Synthetic demo data</span>}
          {report.status !== "published" && <span className={`tag tag--${report.status}`}>{report.status}</span>}
        </p>
        <h2 id={`report-${report.id}-title`} className="report-card__title">
          {headline.length > 0 ? (
            headline.map((observation) => (
              <span key={observation.id} className="headline">
                <QualifiedFigure count={observation.count} qualifier={observation.qualifier} size="large" />{" "}
                <span className="headline__metric">{metric.toLowerCase()}</span>
              </span>
            ))
          ) : (
            <span className="headline">{metric} — no overall figure</span>
          )}
        </h2>
        <p className="report-card__period">
          <span className="label">Period</span> {formatPeriod(report.periodStart, report.periodEnd)}
          {report.periodLabel && <span className="muted"> — “{report.periodLabel}”</span>}
          {report.periodEnd === null && <span className="muted"> (open-ended)</span>}
        </p>
        <p className="report-card__period">
          <span className="label">Stated</span>{" "}
          {report.statedOn ? formatDate(report.statedOn) : <span className="muted">date not recorded</span>}
        </p>
        {bySource.length > 0 && (
          <div className="sources-named">
            <h3 className="label">By source</h3>
            <ul className="source-list">
              {bySource.map((observation) => (
                <li key={observation.id} className="source-list__item">
                  <span className="source-list__name">
                    {scopeName(observation.scope.type, observation.scope.code)}
                    {observation.scope.type === "region" && <span className="tag tag--region">region</span>}
                  </span>
                  <QualifiedFigure count={observation.count} qualifier={observation.qualifier} />
                  {observation.note && <span className="muted source-list__note">“{observation.note}”</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
        {report.quote ? (
          <blockquote className="quote">{report.quote}</blockquote>
        ) : (
          report.notes && (
            <p className="notes">
              <span className="label">No verbatim quote recorded.</span> {report.notes}
            </p>
          )
        )}
      </div>
      <aside className="report-card__sourcing" aria-label="Sourcing">
        <Sourcing speakers={report.speakers} citations={report.citations} />
        <p className="report-card__links">
          <a href={`/api/v1/reports/${report.id}`}>Report {report.id} as JSON</a>
        </p>
      </aside>
    </article>
  );
}
