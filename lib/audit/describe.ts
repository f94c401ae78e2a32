// Audit values in words, for the history panels: a list of observations reads
// as figures with qualifiers, not as JSON.
import { CITATION_KINDS, METRICS, SPEAKER_SUBJECTS, type Qualifier } from "../domain";
import { formatQualified } from "../format";
import { findCountry, scopeName } from "../reference-data";
import { speakerName, speaksAsOrganisation } from "../reports/provenance";

export const FIELD_LABELS: Record<string, string> = {
  targetCountry: "Target country",
  metric: "What was counted",
  periodStart: "Period start",
  periodEnd: "Period end",
  periodLabel: "Period in the speaker's words",
  periodEventId: "Counted from event",
  statedOn: "Stated on",
  quote: "Quote",
  notes: "Notes",
  status: "Status",
  retractionReason: "Retraction reason",
  synthetic: "Synthetic",
  speakers: "Speakers",
  citations: "Citations",
  observations: "Observations",
  deleted: "Deleted",
  name: "Name",
  role: "Role",
  organisation: "Organisation",
  country: "Country",
  kind: "Kind",
  homepage: "Homepage",
  date: "Date",
  label: "Label",
  description: "Description",
  email: "Email",
  owner: "Owner",
  revokedAt: "Revoked",
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

type Obj = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined || v === "" ? "" : String(v));

function describeObservation(o: Obj): string {
  const scope = (o.scope ?? {}) as { type?: "all" | "country" | "region"; code?: string | null };
  const figure = formatQualified((o.count as number | null) ?? null, (o.qualifier as Qualifier) ?? "exact", "symbol");
  const where = scopeName(scope.type ?? "all", scope.code ?? null);
  const period = o.periodEnd ? `${o.periodStart} – ${o.periodEnd}` : `since ${str(o.periodStart)}`;
  return [figure, where, period, o.note ? `“${str(o.note)}”` : ""].filter(Boolean).join(" · ");
}

function describeSpeaker(s: Obj): string {
  const named = { name: str(s.name) || null, role: str(s.role) || null, organisation: str(s.organisation) || null };
  const who = speakerName(named);
  const role = [named.role, speaksAsOrganisation(named) ? null : named.organisation].filter(Boolean).join(", ");
  const subject = SPEAKER_SUBJECTS[s.subject as keyof typeof SPEAKER_SUBJECTS];
  return [who + (role ? ` (${role})` : ""), subject ? `on ${subject}` : "", s.quote ? `“${str(s.quote)}”` : ""].filter(Boolean).join(" · ");
}

function describeCitation(c: Obj, index: number): string {
  const outlet = (c.outlet ?? {}) as Obj;
  const kind = CITATION_KINDS[c.kind as keyof typeof CITATION_KINDS] ?? str(c.kind);
  const from = c.takenFrom === null || c.takenFrom === undefined ? "" : `taken from #${Number(c.takenFrom) + 1}`;
  return [`#${index + 1} ${str(outlet.name) || `outlet ${str(outlet.id)}`}`, kind, str(c.url), str(c.publishedOn), from].filter(Boolean).join(" · ");
}

/** One value of a field, as a person reads it; lists become one line per item. */
export function describeValue(field: string, value: unknown): string[] {
  if (value === null || value === undefined || value === "") return ["(empty)"];
  if (Array.isArray(value)) {
    if (value.length === 0) return ["(none)"];
    return value.map((item, index) =>
      field === "observations"
        ? describeObservation(item as Obj)
        : field === "speakers"
          ? describeSpeaker(item as Obj)
          : field === "citations"
            ? describeCitation(item as Obj, index)
            : JSON.stringify(item),
    );
  }
  if (field === "targetCountry" || field === "country") return [`${findCountry(String(value))?.name ?? value} (${value})`];
  if (field === "metric") return [METRICS[value as keyof typeof METRICS] ?? String(value)];
  if (typeof value === "boolean") return [value ? "yes" : "no"];
  if (typeof value === "object") return [JSON.stringify(value)];
  return [String(value)];
}
