// A report's history: what changed, when, by whom, before and after. Plain
// props (lib/audit/history.ts reportHistory), so the public report page and
// the admin editor show the same thing; `actions` adds buttons per entry.
import "./report-history.css";
import { describeValue, fieldLabel } from "@/lib/audit/describe";
import type { HistoryEntry } from "@/lib/audit/history";

const ACTION_WORDS: Record<string, string> = {
  create: "Created",
  update: "Corrected",
  delete: "Deleted",
  restore: "Restored",
  retract: "Retracted",
  import: "Imported",
};

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

export function ReportHistory({ entries, actions }: { entries: HistoryEntry[]; actions?: (entry: HistoryEntry) => React.ReactNode }) {
  if (entries.length === 0) return <p className="muted">No changes recorded yet.</p>;
  return (
    <ol className="history" aria-label="Changes to this report">
      {[...entries].reverse().map((entry) => (
        <li key={entry.id} className="history__entry">
          <p className="history__head">
            <span className={`tag tag--action-${entry.action}`}>{ACTION_WORDS[entry.action] ?? entry.action}</span>{" "}
            {entry.version !== null && <span className="muted">version {entry.version} · </span>}
            <time dateTime={entry.at}>{when(entry.at)}</time> · {entry.by}
            {entry.via === "token" && <span className="muted"> (API token)</span>}
          </p>
          {entry.reason && <p className="history__reason">“{entry.reason}”</p>}
          {entry.changes.length > 0 && (
            <ul className="history__changes">
              {entry.changes.map((change) => (
                <li key={change.field}>
                  <span className="history__field">{fieldLabel(change.field)}</span>
                  <span className="history__values">
                    <span className="history__before">{describeValue(change.field, change.before).join(" | ")}</span>
                    <span aria-hidden="true"> → </span>
                    <span className="visually-hidden"> changed to </span>
                    <span className="history__after">{describeValue(change.field, change.after).join(" | ")}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
          {actions?.(entry)}
        </li>
      ))}
    </ol>
  );
}
