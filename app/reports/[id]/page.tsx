import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import "@/components/dashboard/dashboard.css";
import "./report.css";
import { CopyButton } from "@/components/CopyButton";
import { ReportHistory } from "@/components/ReportHistory";
import { currentViewer, pageReader } from "@/lib/auth/pages";
import { visibleStatuses, type Viewer } from "@/lib/auth/viewer";
import { reportHistory } from "@/lib/audit/history";
import { QualifiedFigure } from "@/components/QualifiedFigure";
import { Sourcing } from "@/components/Sourcing";
import { getPrisma } from "@/lib/db/client";
import { METRICS } from "@/lib/domain";
import { formatDate, formatPeriod, formatQualified } from "@/lib/format";
import { findCountry, scopeName } from "@/lib/reference-data";
import { citationText } from "@/lib/reports/citation-text";
import { getReport } from "@/lib/reports/read";
import { overlappingReports } from "@/lib/reports/related";
import type { ReportJson } from "@/lib/reports/types";

type Params = Promise<{ id: string }>;

async function load(raw: string, viewer: Viewer | null): Promise<ReportJson> {
  if (!/^[1-9]\d{0,14}$/.test(raw)) notFound();
  // A draft is not found by anonymous readers: its existence is not public either.
  const report = await getReport(getPrisma(), Number(raw), { statuses: visibleStatuses(viewer) });
  if (!report) notFound();
  return report;
}

function headlineOf(report: ReportJson) {
  return report.observations.find((o) => o.scope.type === "all" && o.count !== null) ?? null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  if (!/^[1-9]\d{0,14}$/.test(id)) return { title: "Report not found" };
  const report = await getReport(getPrisma(), Number(id), { statuses: visibleStatuses(await currentViewer()) });
  if (!report) return { title: "Report not found" };
  const headline = headlineOf(report);
  const target = findCountry(report.targetCountry)?.name ?? report.targetCountry;
  return { title: `${target}: ${headline ? formatQualified(headline.count, headline.qualifier) : "report"} ${METRICS[report.metric].toLowerCase()}` };
}

export default async function ReportPage({ params }: { params: Params }) {
  const { id } = await params;
  const viewer = await pageReader(`/reports/${id}`);
  const report = await load(id, viewer);
  const db = getPrisma();
  const [related, history, requestHeaders] = await Promise.all([
    overlappingReports(db, report, visibleStatuses(viewer)),
    reportHistory(db, report.id, { signedIn: viewer !== null }),
    headers(),
  ]);
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  const today = new Date().toISOString().slice(0, 10);
  const cite = citationText(report, { url: `${protocol}://${host}/reports/${report.id}`, accessedOn: today });
  const target = findCountry(report.targetCountry)?.name ?? report.targetCountry;
  const headline = headlineOf(report);
  const metric = METRICS[report.metric] ?? report.metric;

  return (
    <article className="report-page" aria-labelledby="report-title">
      <p className="breadcrumb">
        <Link href="/">Dashboard</Link> › <Link href={`/?target=${report.targetCountry}`}>{target}</Link> › Report {report.id}
      </p>

      {report.status === "retracted" && (
        <div className="notice notice--retracted" role="note">
          <strong>Retracted.</strong> {report.retractionReason ?? "No reason recorded."} This report stays visible for the record
          and is left out of charts unless retracted reports are included in the filters.
        </div>
      )}
      {report.status === "draft" && (
        <div className="notice notice--warning" role="note">
          <strong>Draft.</strong> Not yet published; it appears in no public chart.
        </div>
      )}
      {report.synthetic && (
        <div className="notice notice--synthetic" role="note">
          <strong>Synthetic demo data.</strong> Generated for demonstrations and benchmarks: not a real claim.
        </div>
      )}

      <header className="report-page__header">
        <p className="report-card__eyebrow">
          <span className="tag">Target: {target}</span>
          <span className="tag tag--region">{metric}</span>
          <span className={`tag tag--${report.status}`}>{report.status}</span>
        </p>
        <h1 id="report-title" className="report-page__title">
          {headline ? <QualifiedFigure count={headline.count} qualifier={headline.qualifier} size="large" /> : "No overall figure"}{" "}
          <span className="headline__metric">{metric.toLowerCase()} against {target}</span>
        </h1>
        <dl className="facts">
          <div>
            <dt>Period</dt>
            <dd>
              {formatPeriod(report.periodStart, report.periodEnd)}
              {report.periodLabel && <span className="muted"> — “{report.periodLabel}”</span>}
              {report.periodEnd === null && <span className="muted"> (open-ended)</span>}
            </dd>
          </div>
          <div>
            <dt>Stated</dt>
            <dd>{report.statedOn ? formatDate(report.statedOn) : <span className="muted">date not recorded</span>}</dd>
          </div>
          <div>
            <dt>Record</dt>
            <dd>
              Version {report.version}, last changed {formatDate(report.updatedAt.slice(0, 10))} ·{" "}
              <a href={`/api/v1/reports/${report.id}`}>JSON</a>
            </dd>
          </div>
        </dl>
      </header>

      <div className="report-page__grid">
        <div>
          <section aria-labelledby="observations-heading">
            <h2 id="observations-heading">Figures in this report</h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Figure</th>
                  <th scope="col">Period</th>
                  <th scope="col">In the speaker’s words</th>
                </tr>
              </thead>
              <tbody>
                {report.observations.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">
                      {scopeName(o.scope.type, o.scope.code)}
                      {o.scope.type === "region" && <span className="tag tag--region">region</span>}
                    </th>
                    <td className={o.count === null ? "num num--named" : "num"}>{formatQualified(o.count, o.qualifier)}</td>
                    <td>{formatPeriod(o.periodStart, o.periodEnd)}</td>
                    <td>{o.note ? `“${o.note}”` : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="quote-heading">
            <h2 id="quote-heading">Quote</h2>
            {report.quote ? (
              <blockquote className="quote">{report.quote}</blockquote>
            ) : (
              <p className="muted">No verbatim quote of the figure was recorded; only a paraphrase was published.</p>
            )}
            {report.notes && (
              <p className="notes">
                <span className="label">Notes</span> {report.notes}
              </p>
            )}
          </section>

          <section aria-labelledby="cite-heading">
            <h2 id="cite-heading">Cite this report</h2>
            <div className="cite">
              <p className="cite__text" id="cite-short">
                {cite.short}
              </p>
              <CopyButton text={cite.short} label="Copy short citation" />
            </div>
            <div className="cite">
              <p className="cite__text" id="cite-long">
                {cite.long}
              </p>
              <CopyButton text={cite.long} label="Copy full citation" />
            </div>
          </section>

          <section aria-labelledby="related-heading">
            <h2 id="related-heading">Conflicting or cumulative claims</h2>
            <p className="muted">
              Other reports on {target} whose periods overlap this one. They may compete with it or cover part of it; they are
              not to be added to it.
            </p>
            {related.length === 0 ? (
              <p>No other report on {target} overlaps this period.</p>
            ) : (
              <ul className="related">
                {related.map((other) => {
                  const h = headlineOf(other);
                  return (
                    <li key={other.id}>
                      <Link href={`/reports/${other.id}`}>
                        {h ? formatQualified(h.count, h.qualifier) : "no overall figure"} {(METRICS[other.metric] ?? other.metric).toLowerCase()}
                      </Link>{" "}
                      <span className="muted">
                        — {formatPeriod(other.periodStart, other.periodEnd)}, stated {other.statedOn ? formatDate(other.statedOn) : "on a date not recorded"}
                      </span>
                      {other.status !== "published" && <span className={`tag tag--${other.status}`}>{other.status}</span>}
                      {other.synthetic && <span className="tag tag--synthetic">synthetic</span>}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </div>

        <div className="report-page__side">
          <aside className="report-page__sourcing" aria-label="Provenance">
            <h2>Provenance</h2>
            <Sourcing speakers={report.speakers} citations={report.citations} />
          </aside>
          <section className="report-page__history" aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            <ReportHistory entries={history} />
            {viewer?.role === "admin" && (
              <p>
                <Link href={`/admin/reports/${report.id}`}>Edit, or restore an earlier version</Link>
              </p>
            )}
          </section>
        </div>
      </div>
    </article>
  );
}
