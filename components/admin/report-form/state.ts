// The report form's state and its two conversions: from a stored report (to
// edit it) and to the write payload (the same shape the API takes). Rows have
// stable keys so errors, "taken from" links and React keep to the right row
// when rows are added or removed.
import type { CitationKind, Metric, OutletKind, Qualifier, ReportStatus, ScopeType, SpeakerSubject } from "@/lib/domain";
import type { ReportJson } from "@/lib/reports/types";

export interface SpeakerRef {
  id: number;
  name: string | null;
  role: string | null;
  organisation: string | null;
  country: string | null;
}

export interface SpeakerRow {
  key: string;
  /** An existing speaker, or null for a new one described by the fields below. */
  ref: SpeakerRef | null;
  /** The admin chose "new speaker": show the fields to describe them. */
  creating: boolean;
  name: string;
  role: string;
  organisation: string;
  country: string;
  subject: SpeakerSubject;
  quote: string;
}

export interface OutletRef {
  id: number;
  name: string;
  kind: OutletKind;
  homepage: string | null;
  country: string | null;
}

export interface CitationRow {
  key: string;
  outlet: OutletRef | null;
  /** A new outlet: its name and kind. */
  newOutletName: string;
  newOutletKind: OutletKind;
  kind: CitationKind;
  url: string;
  title: string;
  publishedOn: string;
  accessedOn: string;
  /** Key of the citation this one was taken from. */
  takenFrom: string | null;
}

export interface ObservationRow {
  key: string;
  count: string;
  qualifier: Qualifier;
  scopeType: ScopeType;
  scopeCode: string;
  note: string;
  /** false: the report's period. */
  ownPeriod: boolean;
  periodStart: string;
  periodEnd: string;
}

export interface FormState {
  targetCountry: string;
  metric: Metric;
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  periodEventId: number | null;
  statedOn: string;
  quote: string;
  notes: string;
  status: ReportStatus;
  retractionReason: string;
  synthetic: boolean;
  speakers: SpeakerRow[];
  citations: CitationRow[];
  observations: ObservationRow[];
}

let counter = 0;
export const newKey = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function emptySpeaker(): SpeakerRow {
  return { key: newKey("s"), ref: null, creating: false, name: "", role: "", organisation: "", country: "", subject: "figure", quote: "" };
}

export function emptyCitation(): CitationRow {
  return { key: newKey("c"), outlet: null, newOutletName: "", newOutletKind: "news_outlet", kind: "article", url: "", title: "", publishedOn: "", accessedOn: "", takenFrom: null };
}

export function emptyObservation(scopeType: ScopeType = "all"): ObservationRow {
  return { key: newKey("o"), count: "", qualifier: "exact", scopeType, scopeCode: "", note: "", ownPeriod: false, periodStart: "", periodEnd: "" };
}

export function emptyForm(): FormState {
  return {
    targetCountry: "",
    metric: "cyberattacks",
    periodStart: "",
    periodEnd: "",
    periodLabel: "",
    periodEventId: null,
    statedOn: "",
    quote: "",
    notes: "",
    status: "draft",
    retractionReason: "",
    synthetic: false,
    speakers: [emptySpeaker()],
    citations: [emptyCitation()],
    observations: [emptyObservation("all")],
  };
}

const text = (value: string | null | undefined) => value ?? "";

export function formFromReport(report: ReportJson): FormState {
  const citationKeys = report.citations.map(() => newKey("c"));
  return {
    targetCountry: report.targetCountry,
    metric: report.metric,
    periodStart: report.periodStart,
    periodEnd: text(report.periodEnd),
    periodLabel: text(report.periodLabel),
    periodEventId: report.periodEventId,
    statedOn: text(report.statedOn),
    quote: text(report.quote),
    notes: text(report.notes),
    status: report.status,
    retractionReason: text(report.retractionReason),
    synthetic: report.synthetic,
    speakers: report.speakers.map((s) => ({
      key: newKey("s"),
      ref: { id: s.id, name: s.name, role: s.role, organisation: s.organisation, country: s.country },
      creating: false,
      name: "",
      role: "",
      organisation: "",
      country: "",
      subject: s.subject,
      quote: text(s.quote),
    })),
    citations: report.citations.map((c, index) => ({
      key: citationKeys[index],
      outlet: { ...c.outlet },
      newOutletName: "",
      newOutletKind: "news_outlet",
      kind: c.kind,
      url: text(c.url),
      title: text(c.title),
      publishedOn: text(c.publishedOn),
      accessedOn: text(c.accessedOn),
      takenFrom: c.takenFrom === null ? null : (citationKeys[c.takenFrom] ?? null),
    })),
    observations: report.observations.map((o) => {
      const ownPeriod = o.periodStart !== report.periodStart || o.periodEnd !== report.periodEnd;
      return {
        key: newKey("o"),
        count: o.count === null ? "" : o.count.toLocaleString("en-US"),
        qualifier: o.qualifier ?? "exact",
        scopeType: o.scope.type,
        scopeCode: text(o.scope.code),
        note: text(o.note),
        ownPeriod,
        periodStart: ownPeriod ? o.periodStart : "",
        periodEnd: ownPeriod ? text(o.periodEnd) : "",
      };
    }),
  };
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** "40,000,000" or "40 000 000" → 40000000; anything else goes to the server as typed, to be named there. */
export function parseCount(value: string): number | string | null {
  const compact = value.replace(/[\s,_\u00a0\u202f]/g, "");
  if (!compact) return null;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : value;
}

export function toPayload(form: FormState, version?: number): Record<string, unknown> {
  const index = new Map(form.citations.map((c, i) => [c.key, i]));
  return {
    ...(version !== undefined ? { version } : {}),
    targetCountry: form.targetCountry,
    metric: form.metric,
    periodStart: form.periodStart,
    periodEnd: orNull(form.periodEnd),
    periodLabel: orNull(form.periodLabel),
    periodEventId: form.periodEventId,
    statedOn: orNull(form.statedOn),
    quote: orNull(form.quote),
    notes: orNull(form.notes),
    status: form.status,
    retractionReason: form.status === "retracted" ? orNull(form.retractionReason) : null,
    synthetic: form.synthetic,
    speakers: form.speakers.map((s) =>
      s.ref
        ? { id: s.ref.id, subject: s.subject, quote: orNull(s.quote) }
        : { name: orNull(s.name), role: orNull(s.role), organisation: orNull(s.organisation), country: orNull(s.country), subject: s.subject, quote: orNull(s.quote) },
    ),
    citations: form.citations.map((c) => ({
      outlet: c.outlet ? { id: c.outlet.id } : c.newOutletName.trim() ? { name: c.newOutletName.trim(), kind: c.newOutletKind } : {},
      kind: c.kind,
      url: orNull(c.url),
      title: orNull(c.title),
      publishedOn: orNull(c.publishedOn),
      accessedOn: orNull(c.accessedOn),
      takenFrom: c.takenFrom === null ? null : (index.get(c.takenFrom) ?? null),
    })),
    observations: form.observations.map((o) => ({
      count: parseCount(o.count),
      // A source named without a figure has no qualifier (the API refuses one).
      qualifier: parseCount(o.count) === null ? null : o.qualifier,
      scope: { type: o.scopeType, code: o.scopeType === "all" ? null : orNull(o.scopeCode) },
      note: orNull(o.note),
      ...(o.ownPeriod ? { periodStart: o.periodStart, periodEnd: orNull(o.periodEnd) } : {}),
    })),
  };
}
