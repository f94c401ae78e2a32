"use client";
// Who said it: existing speakers found by search, or new ones described here.
import { SPEAKER_SUBJECT_KEYS, SPEAKER_SUBJECTS } from "@/lib/domain";
import { speakerDescription, speakerName } from "@/lib/reports/provenance";
import { Combobox, type Option } from "@/components/Combobox";
import { COUNTRY_OPTIONS, countryName, Field, RemoveButton } from "./fields";
import { emptySpeaker, type FormState, type SpeakerRef, type SpeakerRow } from "./state";

async function searchSpeakers(query: string): Promise<Option<SpeakerRef>[]> {
  const response = await fetch(`/api/v1/speakers?limit=12&q=${encodeURIComponent(query)}`);
  if (!response.ok) return [];
  const { data } = (await response.json()) as { data: SpeakerRef[] };
  return data.map((s) => ({ key: String(s.id), label: speakerName(s), hint: speakerDescription(s), value: s }));
}

export function SpeakerRows({ form, setRows, errors }: { form: FormState; setRows: (rows: SpeakerRow[]) => void; errors: Record<string, string> }) {
  const update = (key: string, patch: Partial<SpeakerRow>) => setRows(form.speakers.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <fieldset className="form-section">
      <legend>Who said it</legend>
      {errors.speakers && <p className="field__error">{errors.speakers}</p>}
      {form.speakers.map((row, index) => (
        <div key={row.key} className="row-card" role="group" aria-label={`Speaker ${index + 1}`}>
          <div className="form-grid">
            <Field label={`Speaker ${index + 1}`} error={errors[`${row.key}.who`]} className="form-grid__wide">
              {(props) => (
                <Combobox
                  label={`Speaker ${index + 1}`}
                  selected={row.ref ? [speakerName(row.ref), speakerDescription(row.ref)].filter(Boolean).join(" — ") : row.creating ? "New speaker (described below)" : ""}
                  load={searchSpeakers}
                  onSelect={(ref) => update(row.key, { ref, creating: false })}
                  createLabel={(query) => `New speaker “${query}”`}
                  onCreate={(query) => update(row.key, { ref: null, creating: true, name: query })}
                  placeholder="Search by name, role or organisation…"
                  invalid={Boolean(errors[`${row.key}.who`])}
                  describedBy={props["aria-describedby"]}
                />
              )}
            </Field>
            {!row.ref && !row.creating && (
              <p className="form-grid__wide field__hint">
                Not in the list?{" "}
                <button type="button" className="link-button" onClick={() => update(row.key, { creating: true })}>
                  Describe a new speaker
                </button>
              </p>
            )}
            {!row.ref && row.creating && (
              <>
                <Field label="Name" hint="Empty for an unnamed official.">
                  {(props) => <input {...props} value={row.name} onChange={(e) => update(row.key, { name: e.target.value })} />}
                </Field>
                <Field label="Role">
                  {(props) => <input {...props} value={row.role} onChange={(e) => update(row.key, { role: e.target.value })} />}
                </Field>
                <Field label="Organisation">
                  {(props) => <input {...props} value={row.organisation} onChange={(e) => update(row.key, { organisation: e.target.value })} />}
                </Field>
                <Field label="Country">
                  {() => (
                    <Combobox label={`Speaker ${index + 1} country`} selected={countryName(row.country)} options={COUNTRY_OPTIONS} onSelect={(code) => update(row.key, { country: code })} placeholder="Type a country…" />
                  )}
                </Field>
              </>
            )}
            <Field label="Quoted on" error={errors[`${row.key}.subject`]}>
              {(props) => (
                <select {...props} value={row.subject} onChange={(e) => update(row.key, { subject: e.target.value as SpeakerRow["subject"] })}>
                  {SPEAKER_SUBJECT_KEYS.map((key) => (
                    <option key={key} value={key}>
                      {SPEAKER_SUBJECTS[key]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Their words (verbatim, if published)" error={errors[`${row.key}.quote`]} className="form-grid__wide">
              {(props) => <input {...props} value={row.quote} onChange={(e) => update(row.key, { quote: e.target.value })} />}
            </Field>
          </div>
          <RemoveButton label={`Remove speaker ${index + 1}`} onClick={() => setRows(form.speakers.filter((r) => r.key !== row.key))} disabled={form.speakers.length === 1} />
        </div>
      ))}
      <button type="button" className="button button--small" onClick={() => setRows([...form.speakers, emptySpeaker()])}>
        + Add speaker
      </button>
      {form.speakers.some((s) => s.ref) && <p className="field__hint">An existing speaker is changed on the Speakers page, for every report that names them.</p>}
    </fieldset>
  );
}
