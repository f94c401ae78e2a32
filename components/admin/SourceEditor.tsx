"use client";
// The speakers and outlets pages: each row edits one speaker or outlet in place. A change is
// for every report that names it. The save carries the version the admin saw: if someone changed
// it meanwhile, the server refuses (409) and the row says so, with the current version to reload.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Combobox } from "@/components/Combobox";
import type { WriteError, WriteResult } from "@/lib/writes/result";
import { COUNTRY_OPTIONS, countryName } from "./report-form/fields";

export interface EditorField {
  name: string;
  label: string;
  /** "country": a country picker; "select": one of `choices`; else a text box. */
  type?: "text" | "url" | "country" | "select";
  choices?: Array<{ value: string; label: string }>;
}

export interface EditorRow {
  id: number;
  version: number;
  /** How the row is named in the list ("State Service of Special Communications"). */
  title: string;
  reports: number;
  values: Record<string, string | null>;
}

function issuesByField(error: WriteError | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error?.issues ?? []) out[issue.path || "form"] = out[issue.path || "form"] ? `${out[issue.path || "form"]}; ${issue.message}` : issue.message;
  return out;
}

function RowEditor({ row, fields, what, save }: { row: EditorRow; fields: EditorField[]; what: string; save: (id: number, payload: unknown) => Promise<WriteResult<unknown>> }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState(row.values);
  const [error, setError] = useState<WriteError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = issuesByField(error);
  const label = `${what} ${row.id}`;

  function submit() {
    startTransition(async () => {
      const changed = Object.fromEntries(
        fields.filter((f) => (values[f.name] ?? "") !== (row.values[f.name] ?? "")).map((f) => [f.name, values[f.name]?.trim() ? values[f.name]!.trim() : null]),
      );
      const result = await save(row.id, { version: row.version, ...changed });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setEditing(false);
      router.refresh();
    });
  }

  return (
    <li className="source-row" aria-label={label}>
      <div className="source-row__head">
        <span className="source-row__title">{row.title}</span>
        <span className="muted small">
          {row.reports} report{row.reports === 1 ? "" : "s"} · version {row.version} · id {row.id}
        </span>
        {!editing && (
          <button type="button" className="button button--small" onClick={() => setEditing(true)} aria-label={`Edit ${row.title}`}>
            Edit
          </button>
        )}
      </div>
      {editing && (
        <form
          className="source-row__form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          {error && (
            <p className="form-error" role="alert">
              {error.code === "conflict" ? `${error.message}. Reload the page to see the current version, then make your change again.` : error.message}
            </p>
          )}
          <div className="form-grid">
            {fields.map((field) => {
              const id = `${label}-${field.name}`.replace(/\s+/g, "-");
              const fieldError = errors[field.name];
              return (
                <div key={field.name} className={`field${fieldError ? " field--invalid" : ""}`}>
                  <label className="field__label" htmlFor={id}>
                    {field.label}
                  </label>
                  {field.type === "country" ? (
                    <Combobox
                      label={`${label} ${field.label.toLowerCase()}`}
                      inputId={id}
                      selected={countryName(values[field.name])}
                      options={COUNTRY_OPTIONS}
                      onSelect={(code) => setValues((v) => ({ ...v, [field.name]: code }))}
                      placeholder="Type a country…"
                      invalid={Boolean(fieldError)}
                    />
                  ) : field.type === "select" ? (
                    <select id={id} value={values[field.name] ?? ""} onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}>
                      {field.choices!.map((choice) => (
                        <option key={choice.value} value={choice.value}>
                          {choice.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      id={id}
                      type={field.type === "url" ? "url" : "text"}
                      value={values[field.name] ?? ""}
                      aria-invalid={fieldError ? true : undefined}
                      onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}
                    />
                  )}
                  {fieldError && (
                    <span className="field__error" role="alert">
                      {fieldError}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
          <div className="button-row">
            <button type="submit" className="button button--primary button--small" disabled={pending}>
              {pending ? "Saving…" : "Save"}
            </button>
            {(
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => {
                  setValues(row.values);
                  setError(null);
                  setEditing(false);
                }}
              >
                Cancel
              </button>
            )}
          </div>
        </form>
      )}
    </li>
  );
}

export function SourceEditor({ rows, fields, what, save }: { rows: EditorRow[]; fields: EditorField[]; what: string; save: (id: number, payload: unknown) => Promise<WriteResult<unknown>> }) {
  return (
    <ul className="source-list-admin">
      {rows.map((row) => (
        <RowEditor key={`${row.id}-${row.version}`} row={row} fields={fields} what={what} save={save} />
      ))}
    </ul>
  );
}
