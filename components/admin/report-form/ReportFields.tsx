"use client";
// The report's own fields: what was attacked, what was counted, when, and its status.
import { useState } from "react";
import { METRICS, METRIC_KEYS, REPORT_STATUSES } from "@/lib/domain";
import { createEventAction } from "@/app/admin/actions";
import type { EventJsonOut } from "@/lib/writes/sources";
import { Combobox } from "@/components/Combobox";
import { COUNTRY_OPTIONS, countryName, Field } from "./fields";
import type { FormState } from "./state";

type Errors = Record<string, string>;

export function ReportFields({
  form,
  set,
  errors,
  events,
  onEventCreated,
}: {
  form: FormState;
  set: <K extends keyof FormState>(key: K, value: FormState[K]) => void;
  errors: Errors;
  events: EventJsonOut[];
  onEventCreated: (event: EventJsonOut) => void;
}) {
  const [newEvent, setNewEvent] = useState<{ date: string; label: string; error: string | null } | null>(null);

  async function createEvent() {
    if (!newEvent) return;
    const result = await createEventAction({ date: newEvent.date, label: newEvent.label });
    if (!result.ok) {
      setNewEvent({ ...newEvent, error: result.error.issues?.map((i) => `${i.path}: ${i.message}`).join("; ") ?? result.error.message });
      return;
    }
    onEventCreated(result.value);
    set("periodEventId", result.value.id);
    if (!form.periodStart) set("periodStart", result.value.date);
    setNewEvent(null);
  }

  return (
    <fieldset className="form-section">
      <legend>The report</legend>
      <div className="form-grid">
        <Field label="Target country (who was attacked)" error={errors.targetCountry}>
          {(props) => (
            <Combobox
              label="Target country"
              selected={form.targetCountry ? `${countryName(form.targetCountry)} (${form.targetCountry})` : ""}
              options={COUNTRY_OPTIONS}
              onSelect={(code) => set("targetCountry", code)}
              placeholder="Type a country…"
              invalid={Boolean(errors.targetCountry)}
              describedBy={props["aria-describedby"]}
            />
          )}
        </Field>
        <Field label="What was counted" error={errors.metric}>
          {(props) => (
            <select {...props} value={form.metric} onChange={(e) => set("metric", e.target.value as FormState["metric"])}>
              {METRIC_KEYS.map((key) => (
                <option key={key} value={key}>
                  {METRICS[key]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Counted from an event" error={errors.periodEventId} hint="Picking one fills an empty period start with its date.">
          {(props) => (
            <select
              {...props}
              value={newEvent ? "new" : (form.periodEventId ?? "")}
              onChange={(e) => {
                if (e.target.value === "new") return setNewEvent({ date: form.periodStart, label: "", error: null });
                setNewEvent(null);
                const id = e.target.value ? Number(e.target.value) : null;
                set("periodEventId", id);
                const event = events.find((ev) => ev.id === id);
                if (event && !form.periodStart) set("periodStart", event.date);
              }}
            >
              <option value="">— none —</option>
              {events.map((event) => (
                <option key={event.id} value={event.id}>
                  {event.date} · {event.label}
                </option>
              ))}
              <option value="new">+ New event…</option>
            </select>
          )}
        </Field>
        {newEvent && (
          <div className="inline-create" role="group" aria-label="New event">
            <Field label="Event date" error={newEvent.error ?? undefined}>
              {(props) => <input {...props} type="date" value={newEvent.date} onChange={(e) => setNewEvent({ ...newEvent, date: e.target.value })} />}
            </Field>
            <Field label="Event label">
              {(props) => <input {...props} value={newEvent.label} onChange={(e) => setNewEvent({ ...newEvent, label: e.target.value })} placeholder="e.g. Assange arrested" />}
            </Field>
            <button type="button" className="button button--small" onClick={createEvent}>
              Create event
            </button>
          </div>
        )}
        <Field label="Period start" error={errors.periodStart}>
          {(props) => <input {...props} type="date" value={form.periodStart} onChange={(e) => set("periodStart", e.target.value)} />}
        </Field>
        <Field label="Period end" error={errors.periodEnd} hint="Empty: open-ended (“since …”).">
          {(props) => <input {...props} type="date" value={form.periodEnd} onChange={(e) => set("periodEnd", e.target.value)} />}
        </Field>
        <Field label="The period in the speaker's words" error={errors.periodLabel} className="form-grid__wide">
          {(props) => <input {...props} value={form.periodLabel} onChange={(e) => set("periodLabel", e.target.value)} placeholder="e.g. since the arrest of Julian Assange" />}
        </Field>
        <Field label="Stated on" error={errors.statedOn} hint="Empty when the sources do not date the statement.">
          {(props) => <input {...props} type="date" value={form.statedOn} onChange={(e) => set("statedOn", e.target.value)} />}
        </Field>
        <Field label="Status" error={errors.status}>
          {(props) => (
            <select {...props} value={form.status} onChange={(e) => set("status", e.target.value as FormState["status"])}>
              {REPORT_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {status === "draft" ? "Draft (analysts and admins only)" : status === "published" ? "Published" : "Retracted"}
                </option>
              ))}
            </select>
          )}
        </Field>
        {form.status === "retracted" && (
          <Field label="Why it was retracted" error={errors.retractionReason} className="form-grid__wide">
            {(props) => <input {...props} value={form.retractionReason} onChange={(e) => set("retractionReason", e.target.value)} />}
          </Field>
        )}
        <Field label="Quote (verbatim, if published)" error={errors.quote} className="form-grid__wide">
          {(props) => <textarea {...props} value={form.quote} onChange={(e) => set("quote", e.target.value)} rows={2} />}
        </Field>
        <Field label="Notes" error={errors.notes} className="form-grid__wide" hint="E.g. that only a paraphrase was published.">
          {(props) => <textarea {...props} value={form.notes} onChange={(e) => set("notes", e.target.value)} rows={3} />}
        </Field>
      </div>
    </fieldset>
  );
}
