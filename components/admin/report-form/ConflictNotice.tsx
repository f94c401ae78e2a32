"use client";
// When someone else saved the report first: who, when, which fields, before
// and after — and the choice to reload theirs or save over it with mine.
import { describeValue, fieldLabel } from "@/lib/audit/describe";

export interface ConflictDetails {
  currentVersion: number;
  yourVersion: number;
  changes: Array<{ version: number | null; action: string; at: string; by: string; fields: Record<string, { before: unknown; after: unknown }> }>;
}

export function ConflictNotice({ conflict, onReload, onOverwrite }: { conflict: ConflictDetails; onReload: () => void; onOverwrite: () => void }) {
  return (
    <div className="conflict" role="alert">
      <h2>Someone changed this report while you were editing</h2>
      <p>
        You started from version {conflict.yourVersion}; it is now at version {conflict.currentVersion}. Nothing of yours was saved yet — your edits are
        still in the form.
      </p>
      {conflict.changes.map((change, index) => (
        <div key={index} className="conflict__change">
          <p>
            <strong>Version {change.version}</strong>: {change.action} by {change.by}, {new Date(change.at).toLocaleString("en-GB", { timeZone: "UTC" })} UTC
          </p>
          <ul>
            {Object.entries(change.fields).map(([field, { before, after }]) => (
              <li key={field}>
                <span className="conflict__field">{fieldLabel(field)}</span>: {describeValue(field, before).join("; ")} → <strong>{describeValue(field, after).join("; ")}</strong>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <div className="button-row">
        <button type="button" className="button" onClick={onReload}>
          Discard mine and load their version
        </button>
        <button type="button" className="button button--danger" onClick={onOverwrite}>
          Save mine over theirs
        </button>
      </div>
    </div>
  );
}
