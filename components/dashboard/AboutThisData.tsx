// "About this data": what the numbers are, the rules the charts follow, and
// what every CSV column means (the same text as /api/v1/export/metadata.json).
import { CSV_COLUMNS, CSV_COLUMN_DESCRIPTIONS } from "@/lib/csv/columns";

export function AboutThisData() {
  return (
    <details className="about" id="about-this-data">
      <summary>About this data</summary>
      <div className="about__body">
        <p>
          Every figure is a <strong>claim</strong> an official made in public, recorded with the qualifier they used (“more
          than”, “approximately”, “up to”), who said it, to which outlet, and where it was published. Nothing here is a
          measurement.
        </p>
        <ul>
          <li>Figures from different reports are never added up: when several reports compete, a chart shows one by a stated rule (the latest statement) and lists the others.</li>
          <li>A source named without a number is shown as “named, no figure”, never as zero.</li>
          <li>Retracted reports are excluded unless you include them with the status filter; drafts are never public.</li>
          <li>Synthetic demo data, when present, is labelled as such everywhere.</li>
          <li>Countries are ISO 3166-1 alpha-2 codes; regions are UN M49 codes. Dates are ISO 8601 days.</li>
        </ul>
        <h3>CSV columns</h3>
        <p>
          One row per observation. “Displayed” files hold the rows the chart draws; “full” files hold every observation of
          every report with the chosen status. Cells beginning with =, +, −, @, tab or carriage return are prefixed with an
          apostrophe so spreadsheets do not run them. Machine-readable: <a href="/api/v1/export/metadata.json">metadata.json</a>.
        </p>
        <dl className="about__columns">
          {CSV_COLUMNS.map((column) => (
            <div key={column}>
              <dt>
                <code>{column}</code>
              </dt>
              <dd>{CSV_COLUMN_DESCRIPTIONS[column]}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
