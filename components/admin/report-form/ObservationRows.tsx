"use client";
// The figures: one row per figure, or per source named without one.
import { QUALIFIERS, type ScopeType } from "@/lib/domain";
import { QUALIFIER_WORDS } from "@/lib/format";
import { Combobox } from "@/components/Combobox";
import { COUNTRY_OPTIONS, countryName, Field, REGION_OPTIONS, regionName, RemoveButton } from "./fields";
import { emptyObservation, type FormState, type ObservationRow } from "./state";

const QUALIFIER_LABELS = Object.fromEntries(QUALIFIERS.map((q) => [q, QUALIFIER_WORDS[q] || "exactly"]));
const SCOPE_LABELS: Record<ScopeType, string> = { all: "All sources", country: "A country", region: "A region" };

export function ObservationRows({ form, setRows, errors }: { form: FormState; setRows: (rows: ObservationRow[]) => void; errors: Record<string, string> }) {
  const update = (key: string, patch: Partial<ObservationRow>) => setRows(form.observations.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = (scopeType: ScopeType) => setRows([...form.observations, emptyObservation(scopeType)]);
  return (
    <fieldset className="form-section">
      <legend>Figures</legend>
      <p className="field__hint">
        One row per figure. A source named without a number gets an empty count: it is shown as “named, no figure”, never as zero.
      </p>
      {errors.observations && <p className="field__error">{errors.observations}</p>}
      {form.observations.map((row, index) => {
        const label = `Figure ${index + 1}`;
        return (
          <div key={row.key} className="row-card row-card--figure" role="group" aria-label={label}>
            <div className="form-grid form-grid--figure">
              <Field label="Scope" error={errors[`${row.key}.scope`]}>
                {(props) => (
                  <select {...props} value={row.scopeType} onChange={(e) => update(row.key, { scopeType: e.target.value as ScopeType, scopeCode: "" })}>
                    {Object.entries(SCOPE_LABELS).map(([value, text]) => (
                      <option key={value} value={value}>
                        {text}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {row.scopeType !== "all" && (
                <Field label={row.scopeType === "country" ? "Source country" : "Source region"}>
                  {() => (
                    <Combobox
                      label={`${label} ${row.scopeType === "country" ? "source country" : "source region"}`}
                      selected={row.scopeType === "country" ? countryName(row.scopeCode) : regionName(row.scopeCode)}
                      options={row.scopeType === "country" ? COUNTRY_OPTIONS : REGION_OPTIONS}
                      onSelect={(code) => update(row.key, { scopeCode: code })}
                      placeholder={row.scopeType === "country" ? "Type a country…" : "Type a region…"}
                      invalid={Boolean(errors[`${row.key}.scope`])}
                    />
                  )}
                </Field>
              )}
              <Field label="Qualifier" error={errors[`${row.key}.qualifier`]}>
                {(props) => (
                  <select {...props} value={row.qualifier} onChange={(e) => update(row.key, { qualifier: e.target.value as ObservationRow["qualifier"] })}>
                    {QUALIFIERS.map((q) => (
                      <option key={q} value={q}>
                        {QUALIFIER_LABELS[q]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Count" error={errors[`${row.key}.count`]}>
                {(props) => (
                  <input {...props} inputMode="numeric" aria-label={`${label} count`} value={row.count} onChange={(e) => update(row.key, { count: e.target.value })} placeholder="no figure" />
                )}
              </Field>
              <Field label="Words beside it" error={errors[`${row.key}.note`]} hint={index === 0 ? "Words that qualify the figure but are not a number, e.g. “mainly”." : undefined} className="fig-note">
                {(props) => <input {...props} aria-label={`${label} words beside it`} value={row.note} onChange={(e) => update(row.key, { note: e.target.value })} />}
              </Field>
              <label className="checkbox">
                <input type="checkbox" checked={row.ownPeriod} onChange={(e) => update(row.key, { ownPeriod: e.target.checked, periodStart: row.periodStart || form.periodStart, periodEnd: row.periodEnd || form.periodEnd })} />
                Own period
              </label>
              {row.ownPeriod && (
                <>
                  <Field label="From" error={errors[`${row.key}.periodStart`]} className="fig-date">
                    {(props) => <input {...props} type="date" value={row.periodStart} onChange={(e) => update(row.key, { periodStart: e.target.value })} />}
                  </Field>
                  <Field label="To" error={errors[`${row.key}.periodEnd`]} className="fig-date">
                    {(props) => <input {...props} type="date" value={row.periodEnd} onChange={(e) => update(row.key, { periodEnd: e.target.value })} />}
                  </Field>
                </>
              )}
            </div>
            <RemoveButton label={`Remove figure ${index + 1}`} onClick={() => setRows(form.observations.filter((r) => r.key !== row.key))} disabled={form.observations.length === 1} />
          </div>
        );
      })}
      <div className="button-row">
        <button type="button" className="button button--small" onClick={() => add("all")}>
          + All sources
        </button>
        <button type="button" className="button button--small" onClick={() => add("country")}>
          + Source country
        </button>
        <button type="button" className="button button--small" onClick={() => add("region")}>
          + Source region
        </button>
      </div>
    </fieldset>
  );
}
