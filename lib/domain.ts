// The project's vocabulary (see "Data model" in the README). Plain data: usable on the server,
// in client components and in scripts.

export const QUALIFIERS = ["exact", "approximately", "at_least", "more_than", "up_to"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const REPORT_STATUSES = ["draft", "published", "retracted"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const SCOPE_TYPES = ["all", "country", "region"] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** What a report counted. Kept short on purpose: comparable figures need comparable words. */
export const METRICS = {
  cyberattacks: "Cyberattacks",
  attempted_cyberattacks: "Attempted cyberattacks",
  blocked_cyberattacks: "Blocked cyberattacks",
  ddos_attacks: "DDoS attacks",
  incidents: "Security incidents",
} as const;
export type Metric = keyof typeof METRICS;
export const METRIC_KEYS = Object.keys(METRICS) as Metric[];

/** What a speaker is quoted on in a report. */
export const SPEAKER_SUBJECTS = {
  figure: "the figure",
  attribution: "attribution",
  other: "other remarks",
} as const;
export type SpeakerSubject = keyof typeof SPEAKER_SUBJECTS;
export const SPEAKER_SUBJECT_KEYS = Object.keys(SPEAKER_SUBJECTS) as SpeakerSubject[];

export const OUTLET_KINDS = {
  wire_agency: "Wire agency",
  news_outlet: "News outlet",
  broadcaster: "Broadcaster",
  government: "Government",
  company: "Company",
  other: "Other",
} as const;
export type OutletKind = keyof typeof OUTLET_KINDS;
export const OUTLET_KIND_KEYS = Object.keys(OUTLET_KINDS) as OutletKind[];

/** How a citation came to carry the statement. */
export const CITATION_KINDS = {
  interview: "interview",
  press_release: "press release",
  official_publication: "official publication",
  article: "article",
  republished: "republished",
  broadcast: "broadcast",
  social_media: "social media post",
  other: "other",
} as const;
export type CitationKind = keyof typeof CITATION_KINDS;
export const CITATION_KIND_KEYS = Object.keys(CITATION_KINDS) as CitationKind[];

/**
 * JSON numbers are exact up to 2^53 − 1 (about 9 quadrillion); the database
 * column is 64-bit. Counts above this bound would silently lose digits in JSON,
 * so they are refused at the door instead.
 */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;
