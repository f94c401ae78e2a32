// The Report as the JSON API returns it. camelCase; countries as ISO alpha-2,
// regions as UN M49 codes, calendar dates as "YYYY-MM-DD", timestamps as ISO 8601.
import type {
  CitationKind,
  Metric,
  OutletKind,
  Qualifier,
  ReportStatus,
  ScopeType,
  SpeakerSubject,
} from "../domain";

export interface ObservationJson {
  id: number;
  /** null: the source was named without a number. */
  count: number | null;
  /** How the count was said; null exactly when count is null. */
  qualifier: Qualifier | null;
  periodStart: string;
  periodEnd: string | null;
  scope: { type: ScopeType; code: string | null };
  note: string | null;
}

export interface SpeakerJson {
  id: number;
  /** null: the sources do not name the person. */
  name: string | null;
  role: string | null;
  organisation: string | null;
  country: string | null;
}

export interface ReportSpeakerJson extends SpeakerJson {
  /** What this speaker is quoted on in this report. */
  subject: SpeakerSubject;
  quote: string | null;
}

export interface OutletJson {
  id: number;
  name: string;
  kind: OutletKind;
  homepage: string | null;
  country: string | null;
}

export interface CitationJson {
  id: number;
  outlet: OutletJson;
  kind: CitationKind;
  url: string | null;
  title: string | null;
  publishedOn: string | null;
  accessedOn: string | null;
  /** Index, in this report's `citations`, of the citation this one was taken from. */
  takenFrom: number | null;
}

export interface ReportJson {
  id: number;
  targetCountry: string;
  metric: Metric;
  periodStart: string;
  periodEnd: string | null;
  periodLabel: string | null;
  periodEventId: number | null;
  statedOn: string | null;
  quote: string | null;
  notes: string | null;
  status: ReportStatus;
  retractionReason: string | null;
  synthetic: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  speakers: ReportSpeakerJson[];
  citations: CitationJson[];
  observations: ObservationJson[];
}
