"use client";
// Create or edit a report: the same form, the same schema as the API (the
// server action calls the same lib function), errors beside each field, a
// live preview, and the version check on edit.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { saveReportAction } from "@/app/admin/actions";
import type { ReportJson } from "@/lib/reports/types";
import type { EventJsonOut } from "@/lib/writes/sources";
import type { WriteError } from "@/lib/writes/result";
import { CitationRows } from "./CitationRows";
import { ConflictNotice, type ConflictDetails } from "./ConflictNotice";
import { ObservationRows } from "./ObservationRows";
import { Preview } from "./Preview";
import { ReportFields } from "./ReportFields";
import { SpeakerRows } from "./SpeakerRows";
import { formErrors } from "./errors";
import { emptyForm, formFromReport, toPayload, type FormState } from "./state";

export function ReportForm({ report, events: initialEvents, savedVersion }: { report: ReportJson | null; events: EventJsonOut[]; savedVersion?: number }) {
  const router = useRouter();
  const [form, setForm] = useState<FormState>(() => (report ? formFromReport(report) : emptyForm()));
  const [version, setVersion] = useState(report?.version);
  const [events, setEvents] = useState(initialEvents);
  const [error, setError] = useState<WriteError | null>(null);
  const [saved, setSaved] = useState<string | null>(savedVersion && savedVersion === report?.version ? `Saved as version ${savedVersion}.` : null);
  const [pending, startTransition] = useTransition();

  const { fields: errors, count: problems } = error?.issues ? formErrors(form, error.issues) : { fields: {} as Record<string, string>, count: 0 };
  const conflict = error?.code === "conflict" && error.details?.currentVersion ? (error.details as unknown as ConflictDetails) : null;
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  function save(asVersion = version) {
    setSaved(null);
    startTransition(async () => {
      const result = await saveReportAction(toPayload(form, report ? asVersion : undefined), report?.id ?? null);
      if (!result.ok) {
        setError(result.error);
        if (result.error.code !== "conflict") document.querySelector(".form-error, .field--invalid")?.scrollIntoView({ block: "center" });
        return;
      }
      setError(null);
      if (!report) {
        router.push(`/admin/reports/${result.value.id}?created=1`);
        return;
      }
      if (result.value.version === asVersion) {
        setSaved("Nothing had changed: nothing was saved.");
        return;
      }
      // The page reloads its data (history, version) and says so once it has.
      router.replace(`/admin/reports/${result.value.id}?saved=${result.value.version}`, { scroll: false });
    });
  }

  return (
    <div className="report-editor">
      <form
        className="report-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        {conflict && (
          <ConflictNotice
            conflict={conflict}
            onReload={() => window.location.reload()}
            onOverwrite={() => {
              setVersion(conflict.currentVersion);
              save(conflict.currentVersion);
            }}
          />
        )}
        {error && !conflict && (
          <p className="form-error" role="alert">
            {problems > 0 ? `${problems} thing${problems > 1 ? "s" : ""} to fix before saving — see the marked fields.` : error.message}
            {errors.form ? ` ${errors.form}` : ""}
          </p>
        )}
        <ReportFields form={form} set={set} errors={errors} events={events} onEventCreated={(event) => setEvents((list) => [event, ...list])} />
        <ObservationRows form={form} setRows={(rows) => set("observations", rows)} errors={errors} />
        <SpeakerRows form={form} setRows={(rows) => set("speakers", rows)} errors={errors} />
        <CitationRows form={form} setRows={(rows) => set("citations", rows)} errors={errors} />
        <div className="submit-bar">
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? "Saving…" : report ? "Save changes" : "Create report"}
          </button>
          {report && <span className="muted small">Editing version {version}</span>}
          {saved && (
            <span className="form-notice" role="status">
              {saved}
            </span>
          )}
        </div>
      </form>
      <Preview form={form} />
    </div>
  );
}
