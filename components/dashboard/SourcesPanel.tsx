// Beside every chart: the reports it draws, numbered as in its tooltips, with
// who said each figure and the path the statement took to print.
import Link from "next/link";
import { METRICS } from "@/lib/domain";
import { formatDate } from "@/lib/format";
import { findCountry } from "@/lib/reference-data";
import { safeHref, UNNAMED_SPEAKER } from "@/lib/reports/provenance";
import type { SourcesPanelData } from "@/lib/dashboard/types";

const timestamp = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function SourcesPanel({ sources, csvHref }: { sources: SourcesPanelData; csvHref: string }) {
  return (
    <aside className="sources-panel" aria-labelledby="sources-heading">
      <h2 id="sources-heading" className="sources-panel__heading">
        Sources <span className="muted">({sources.entries.length + sources.more})</span>
      </h2>
      {sources.entries.length === 0 ? (
        <p className="muted">No report in view.</p>
      ) : (
        <ol className="sources-panel__list">
          {sources.entries.map((entry) => (
            <li key={entry.reportId} id={`source-${entry.number}`} className="source-entry">
              <span className="source-entry__number" aria-label={`Source ${entry.number}`}>
                {entry.number}
              </span>
              <div className="source-entry__body">
                <div className="source-entry__title">
                  <Link href={`/reports/${entry.reportId}`}>
                    {findCountry(entry.targetCountry)?.name ?? entry.targetCountry}: {entry.headline ?? "no overall figure"}{" "}
                    {(METRICS[entry.metric] ?? entry.metric).toLowerCase()}
                  </Link>
                  {entry.headlineNote && <span className="source-entry__context muted"> ({entry.headlineNote})</span>}
                  {entry.synthetic && <span className="tag tag--synthetic">synthetic</span>}
                  {entry.status !== "published" && <span className={`tag tag--${entry.status}`}>{entry.status}</span>}
                </div>
                {entry.speakers.map((speaker, index) => (
                  <div key={index} className="source-entry__speaker">
                    <span className={speaker.name === UNNAMED_SPEAKER ? "speaker__name--unknown" : "speaker__name"}>{speaker.name}</span>
                    {speaker.description && <span className="muted">, {speaker.description}</span>}
                    <span className="muted"> — on {speaker.subject}</span>
                    {speaker.quote && <q className="source-entry__quote">{speaker.quote}</q>}
                  </div>
                ))}
                {entry.chain.length > 0 && (
                  <div className="source-entry__chain">
                    {entry.chain.map((step, index) => {
                      const href = safeHref(step.url);
                      return (
                        <span key={index}>
                          {index > 0 && <span aria-label="taken by"> → </span>}
                          {href ? (
                            <a href={href} rel="noopener noreferrer" target="_blank">
                              {step.outlet}
                            </a>
                          ) : (
                            step.outlet
                          )}{" "}
                          <span className="muted">
                            ({step.kind}
                            {step.publishedOn ? `, ${formatDate(step.publishedOn)}` : ""})
                          </span>
                        </span>
                      );
                    })}
                  </div>
                )}
                <div className="muted source-entry__meta">Stated {entry.statedOn ? formatDate(entry.statedOn) : "on a date not recorded"}</div>
                {entry.quote && <q className="source-entry__quote">{entry.quote}</q>}
              </div>
            </li>
          ))}
        </ol>
      )}
      {sources.more > 0 && (
        <p className="sources-panel__more">
          …and {sources.more.toLocaleString("en-US")} more reports in this chart. <a href={csvHref}>Download them all as CSV</a>.
        </p>
      )}
      <p className="sources-panel__updated muted">
        Last updated: {sources.lastUpdated ? `${timestamp.format(new Date(sources.lastUpdated))} UTC` : "—"}
      </p>
    </aside>
  );
}
