"use client";
// The report as visitors will see it, drawn by the same card the home page
// uses, from what is in the form right now.
import { ReportCard } from "@/components/ReportCard";
import { isCountryCode, isRegionCode } from "@/lib/reference-data";
import type { ReportJson } from "@/lib/reports/types";
import { MAX_COUNT } from "@/lib/domain";
import { parseCount, type FormState } from "./state";

const validDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
const dateOrNull = (value: string) => (validDate(value) ? value : null);
const orNull = (value: string) => value.trim() || null;

export function previewReport(form: FormState): ReportJson | null {
  if (!validDate(form.periodStart)) return null;
  const periodEnd = dateOrNull(form.periodEnd);
  const index = new Map(form.citations.map((c, i) => [c.key, i]));
  return {
    id: 0,
    targetCountry: isCountryCode(form.targetCountry) ? form.targetCountry : "",
    metric: form.metric,
    periodStart: form.periodStart,
    periodEnd,
    periodLabel: orNull(form.periodLabel),
    periodEventId: form.periodEventId,
    statedOn: dateOrNull(form.statedOn),
    quote: orNull(form.quote),
    notes: orNull(form.notes),
    status: form.status,
    retractionReason: orNull(form.retractionReason),
    synthetic: form.synthetic,
    version: 0,
    createdAt: "",
    updatedAt: "",
    speakers: form.speakers.map((s, i) => ({
      id: s.ref?.id ?? -1 - i,
      name: s.ref ? s.ref.name : orNull(s.name),
      role: s.ref ? s.ref.role : orNull(s.role),
      organisation: s.ref ? s.ref.organisation : orNull(s.organisation),
      country: s.ref ? s.ref.country : isCountryCode(s.country) ? s.country : null,
      subject: s.subject,
      quote: orNull(s.quote),
    })),
    citations: form.citations.map((c, i) => ({
      id: -1 - i,
      outlet: c.outlet ?? { id: 0, name: c.newOutletName || "(outlet not chosen)", kind: c.newOutletKind, homepage: null, country: null },
      kind: c.kind,
      url: orNull(c.url),
      title: orNull(c.title),
      publishedOn: dateOrNull(c.publishedOn),
      accessedOn: dateOrNull(c.accessedOn),
      takenFrom: c.takenFrom === null ? null : (index.get(c.takenFrom) ?? null),
    })),
    observations: form.observations.map((o, i) => {
      const count = parseCount(o.count);
      const validCode = o.scopeType === "country" ? isCountryCode(o.scopeCode) : o.scopeType === "region" ? isRegionCode(o.scopeCode) : true;
      return {
        id: -1 - i,
        count: typeof count === "number" && Number.isInteger(count) && count >= 0 && count <= MAX_COUNT ? count : null,
        qualifier: count === null ? null : o.qualifier,
        periodStart: o.ownPeriod && validDate(o.periodStart) ? o.periodStart : form.periodStart,
        periodEnd: o.ownPeriod ? dateOrNull(o.periodEnd) : periodEnd,
        scope: { type: o.scopeType, code: o.scopeType === "all" || !validCode ? null : o.scopeCode },
        note: orNull(o.note),
      };
    }),
  };
}

export function Preview({ form }: { form: FormState }) {
  const report = previewReport(form);
  return (
    <section className="preview" aria-label="Preview">
      <h2 className="preview__title">Preview: as visitors will see it</h2>
      {report ? (
        <div className="preview__card">
          <ReportCard report={report} />
        </div>
      ) : (
        <p className="muted">Enter the period start to see the report as it will appear.</p>
      )}
      {report && form.observations.some((o, i) => o.count.trim() && report.observations[i].count === null) && (
        <p className="field__hint">A count that is not a whole number is left out of the preview; saving will say what is wrong with it.</p>
      )}
    </section>
  );
}
