"use client";
// Where it was published, and the chain: which citation each was taken from.
import { CITATION_KIND_KEYS, CITATION_KINDS, OUTLET_KIND_KEYS, OUTLET_KINDS } from "@/lib/domain";
import { outletKindLabel } from "@/lib/reports/provenance";
import { Combobox, type Option } from "@/components/Combobox";
import { Field, RemoveButton } from "./fields";
import { emptyCitation, type CitationRow, type FormState, type OutletRef } from "./state";

async function searchOutlets(query: string): Promise<Option<OutletRef>[]> {
  const response = await fetch(`/api/v1/outlets?limit=12&q=${encodeURIComponent(query)}`);
  if (!response.ok) return [];
  const { data } = (await response.json()) as { data: OutletRef[] };
  return data.map((o) => ({ key: String(o.id), label: o.name, hint: outletKindLabel(o.kind), value: o }));
}

export const citationLabel = (row: CitationRow, index: number) => `#${index + 1} ${row.outlet?.name ?? (row.newOutletName || "new outlet")}`;

export function CitationRows({ form, setRows, errors }: { form: FormState; setRows: (rows: CitationRow[]) => void; errors: Record<string, string> }) {
  const update = (key: string, patch: Partial<CitationRow>) => setRows(form.citations.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const remove = (key: string) => setRows(form.citations.filter((r) => r.key !== key).map((r) => (r.takenFrom === key ? { ...r, takenFrom: null } : r)));
  return (
    <fieldset className="form-section">
      <legend>Where it was published</legend>
      {errors.citations && <p className="field__error">{errors.citations}</p>}
      {form.citations.map((row, index) => (
        <div key={row.key} className="row-card" role="group" aria-label={`Citation ${index + 1}`}>
          <div className="form-grid">
            <Field label={`Outlet of citation ${index + 1}`} error={errors[`${row.key}.outlet`]} className="form-grid__wide">
              {(props) => (
                <Combobox
                  label={`Outlet of citation ${index + 1}`}
                  selected={row.outlet ? `${row.outlet.name} (${outletKindLabel(row.outlet.kind)})` : row.newOutletName ? `New outlet: ${row.newOutletName}` : ""}
                  load={searchOutlets}
                  onSelect={(outlet) => update(row.key, { outlet })}
                  createLabel={(query) => `New outlet “${query}”`}
                  onCreate={(query) => update(row.key, { outlet: null, newOutletName: query })}
                  placeholder="Search outlets…"
                  invalid={Boolean(errors[`${row.key}.outlet`])}
                  describedBy={props["aria-describedby"]}
                />
              )}
            </Field>
            {!row.outlet && row.newOutletName && (
              <Field label="Kind of outlet">
                {(props) => (
                  <select {...props} value={row.newOutletKind} onChange={(e) => update(row.key, { newOutletKind: e.target.value as CitationRow["newOutletKind"] })}>
                    {OUTLET_KIND_KEYS.map((key) => (
                      <option key={key} value={key}>
                        {OUTLET_KINDS[key]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <Field label="How it carried the statement" error={errors[`${row.key}.kind`]}>
              {(props) => (
                <select {...props} value={row.kind} onChange={(e) => update(row.key, { kind: e.target.value as CitationRow["kind"] })}>
                  {CITATION_KIND_KEYS.map((key) => (
                    <option key={key} value={key}>
                      {CITATION_KINDS[key]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Taken from" error={errors[`${row.key}.takenFrom`]}>
              {(props) => (
                <select {...props} value={row.takenFrom ?? ""} onChange={(e) => update(row.key, { takenFrom: e.target.value || null })}>
                  <option value="">— the original source —</option>
                  {form.citations.map((other, otherIndex) =>
                    other.key === row.key ? null : (
                      <option key={other.key} value={other.key}>
                        {citationLabel(other, otherIndex)}
                      </option>
                    ),
                  )}
                </select>
              )}
            </Field>
            <Field label="Link (http or https)" error={errors[`${row.key}.url`]} className="form-grid__wide">
              {(props) => <input {...props} type="url" inputMode="url" value={row.url} onChange={(e) => update(row.key, { url: e.target.value })} placeholder="https://…" />}
            </Field>
            <Field label="Title" error={errors[`${row.key}.title`]} className="form-grid__wide">
              {(props) => <input {...props} value={row.title} onChange={(e) => update(row.key, { title: e.target.value })} />}
            </Field>
            <Field label="Published on" error={errors[`${row.key}.publishedOn`]}>
              {(props) => <input {...props} type="date" value={row.publishedOn} onChange={(e) => update(row.key, { publishedOn: e.target.value })} />}
            </Field>
            <Field label="Accessed on" error={errors[`${row.key}.accessedOn`]}>
              {(props) => <input {...props} type="date" value={row.accessedOn} onChange={(e) => update(row.key, { accessedOn: e.target.value })} />}
            </Field>
          </div>
          <RemoveButton label={`Remove citation ${index + 1}`} onClick={() => remove(row.key)} disabled={form.citations.length === 1} />
        </div>
      ))}
      <button type="button" className="button button--small" onClick={() => setRows([...form.citations, { ...emptyCitation(), takenFrom: form.citations.at(-1)?.key ?? null, kind: "republished" }])}>
        + Add citation (taken from the last one)
      </button>
    </fieldset>
  );
}
