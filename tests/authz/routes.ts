// Every route file under app/api that exports a write method (POST, PUT,
// PATCH, DELETE) must appear here, with a request an admin may send. The
// matrix test sends it as anonymous, analyst, admin and with a revoked token;
// the completeness test fails when a new write route has no entry.
import type { ReportJson } from "@/lib/reports/types";

export type Method = "POST" | "PUT" | "PATCH" | "DELETE";

export interface Fixture {
  params?: Record<string, string>;
  body?: unknown;
  raw?: string;
  contentType?: string;
}

/** What a fixture can use to make the thing it acts on. */
export interface FixtureContext {
  newReport(): Promise<ReportJson>;
  deletedReport(): Promise<ReportJson>;
  newSource(kind: "speakers" | "outlets" | "events", deleted?: boolean): Promise<{ id: number; version: number }>;
  newToken(): Promise<string>;
}

export interface WriteEndpoint {
  file: string;
  method: Method;
  /** A request an admin may make; made fresh for every call, so calls do not disturb each other. */
  fixture(ctx: FixtureContext): Promise<Fixture>;
  adminStatus: number;
}

/** Route files that export write methods but are not the app's writes, and why. */
export const NOT_IN_MATRIX: Record<string, string> = {
  "app/api/[...path]/route.ts": "answers 404 in the API's error shape for unknown paths; it writes nothing",
  "app/api/auth/[...all]/route.ts": "better-auth's endpoints: signing in must work without a session; it checks the Origin of cookie requests and rate-limits sign-in itself (tests/integration/auth.test.ts)",
};

const speaker = { name: "Matrix Speaker", role: "Tester" };
const outlet = () => ({ name: `Matrix Outlet ${Math.random().toString(36).slice(2, 8)}` });
const event = { date: "2020-05-01", label: "Matrix event" };
const reason = { reason: "authorisation matrix" };

const report = {
  targetCountry: "PE",
  periodStart: "2020-01-01",
  speakers: [{ name: "Ana Torres", role: "Minister of Defence" }],
  citations: [{ outlet: { name: "Agencia Andina", kind: "government" } }],
  observations: [{ count: 5, scope: { type: "all" } }],
};

function sourceRoutes(kind: "speakers" | "outlets" | "events", body: () => unknown, patch: Record<string, unknown>): WriteEndpoint[] {
  return [
    { file: `app/api/v1/${kind}/route.ts`, method: "POST", adminStatus: 201, fixture: async () => ({ body: body() }) },
    {
      file: `app/api/v1/${kind}/[id]/route.ts`,
      method: "PATCH",
      adminStatus: 200,
      fixture: async (ctx) => {
        const made = await ctx.newSource(kind);
        return { params: { id: String(made.id) }, body: { ...patch, version: made.version } };
      },
    },
    {
      file: `app/api/v1/${kind}/[id]/route.ts`,
      method: "DELETE",
      adminStatus: 200,
      fixture: async (ctx) => ({ params: { id: String((await ctx.newSource(kind)).id) }, body: reason }),
    },
    {
      file: `app/api/v1/${kind}/[id]/restore/route.ts`,
      method: "POST",
      adminStatus: 200,
      fixture: async (ctx) => ({ params: { id: String((await ctx.newSource(kind, true)).id) }, body: {} }),
    },
  ];
}

export const WRITE_ENDPOINTS: WriteEndpoint[] = [
  { file: "app/api/v1/reports/route.ts", method: "POST", adminStatus: 201, fixture: async () => ({ body: report }) },
  {
    file: "app/api/v1/reports/[id]/route.ts",
    method: "PATCH",
    adminStatus: 200,
    fixture: async (ctx) => {
      const made = await ctx.newReport();
      return { params: { id: String(made.id) }, body: { version: made.version, notes: "matrix edit" } };
    },
  },
  {
    file: "app/api/v1/reports/[id]/route.ts",
    method: "DELETE",
    adminStatus: 200,
    fixture: async (ctx) => ({ params: { id: String((await ctx.newReport()).id) }, body: reason }),
  },
  {
    file: "app/api/v1/reports/[id]/retract/route.ts",
    method: "POST",
    adminStatus: 200,
    fixture: async (ctx) => ({ params: { id: String((await ctx.newReport()).id) }, body: reason }),
  },
  {
    file: "app/api/v1/reports/[id]/restore/route.ts",
    method: "POST",
    adminStatus: 200,
    fixture: async (ctx) => ({ params: { id: String((await ctx.deletedReport()).id) }, body: {} }),
  },
  ...sourceRoutes("speakers", () => speaker, { role: "Chief tester" }),
  ...sourceRoutes("outlets", outlet, { kind: "broadcaster" }),
  ...sourceRoutes("events", () => event, { label: "Matrix event, renamed" }),
  { file: "app/api/v1/tokens/route.ts", method: "POST", adminStatus: 201, fixture: async () => ({ body: { name: "matrix" } }) },
  {
    file: "app/api/v1/tokens/[id]/route.ts",
    method: "DELETE",
    adminStatus: 200,
    fixture: async (ctx) => ({ params: { id: await ctx.newToken() } }),
  },
  {
    file: "app/api/v1/import/route.ts",
    method: "POST",
    adminStatus: 200,
    fixture: async () => ({ raw: "target_country,report_period_start,count,scope_type,speakers,citations\nPE,2020-01-01,5,all,Ana Torres; Minister,Agencia Andina\n", contentType: "text/csv" }),
  },
];

/** Admin pages: anonymous visitors are sent to sign in, analysts get 403, admins the page. */
export const ADMIN_PAGES: string[] = ["/admin", "/admin/reports/new", "/admin/reports/1", "/admin/import", "/admin/audit", "/admin/tokens", "/admin/speakers", "/admin/outlets"];

// Each app/admin page file → the path that covers it in ADMIN_PAGES (dynamic segments filled in).
export const ADMIN_PAGE_FILES: Record<string, string> = {
  "app/admin/page.tsx": "/admin",
  "app/admin/reports/new/page.tsx": "/admin/reports/new",
  "app/admin/reports/[id]/page.tsx": "/admin/reports/1",
  "app/admin/import/page.tsx": "/admin/import",
  "app/admin/audit/page.tsx": "/admin/audit",
  "app/admin/tokens/page.tsx": "/admin/tokens",
  "app/admin/speakers/page.tsx": "/admin/speakers",
  "app/admin/outlets/page.tsx": "/admin/outlets",
};

// ---------------------------------------------------------------------------
// Reads. Every route file under app/api that exports GET declares what an
// anonymous reader gets from it. The matrix test checks each declaration; the
// completeness test fails when a new read route declares nothing.

/** Things that only drafts hold, for the read matrix to look for. */
export interface Leak {
  /** A string that appears only in drafts: a draft's note, a draft-only speaker's name, organisation and outlet. */
  marker: string;
  /** A draft (its notes, speaker and outlet carry the marker). */
  draftReportId: number;
  /** Published after a draft stage in which its notes carried the marker. */
  publishedReportId: number;
  /** Used only by the draft. */
  draftSpeakerId: number;
  draftOutletId: number;
}

export interface ReadProbe {
  params?: Record<string, string>;
  /** "?a=b", or "" */
  query?: string;
}

export type AnonymousRead =
  /** 401 without credentials. */
  | { anonymous: "refused"; probe?: ReadProbe }
  /**
   * Anonymous readers get what published and retracted reports show, nothing
   * a draft holds: none of the probes shows them the marker (any status but
   * 5xx), and signed-in analysts see it in at least one (so the probe is real).
   */
  | { anonymous: "published only"; probes(leak: Leak): ReadProbe[] }
  /** The same answer for everyone, and why that is right. */
  | { anonymous: "same for everyone"; why: string };

export interface ReadEndpoint {
  file: string;
  visibility: AnonymousRead;
}

const DRAFTS = "?status=draft,published,retracted";

export const READ_ENDPOINTS: ReadEndpoint[] = [
  { file: "app/api/health/route.ts", visibility: { anonymous: "same for everyone", why: "says whether the database answers; holds no data" } },
  { file: "app/api/v1/countries/route.ts", visibility: { anonymous: "same for everyone", why: "ISO 3166-1 reference list" } },
  { file: "app/api/v1/regions/route.ts", visibility: { anonymous: "same for everyone", why: "UN M49 reference list" } },
  { file: "app/api/v1/import/template.csv/route.ts", visibility: { anonymous: "same for everyone", why: "the empty import template" } },
  { file: "app/api/[...path]/route.ts", visibility: { anonymous: "same for everyone", why: "404 for unknown API paths" } },
  {
    file: "app/api/v1/events/route.ts",
    visibility: { anonymous: "same for everyone", why: "events (an arrest, an election) are the timeline's markers, drawn for every reader; they hold no figure or source" },
  },
  { file: "app/api/v1/events/[id]/route.ts", visibility: { anonymous: "same for everyone", why: "one of the timeline's markers (see events)" } },
  { file: "app/api/v1/me/route.ts", visibility: { anonymous: "refused" } },
  { file: "app/api/v1/tokens/route.ts", visibility: { anonymous: "refused" } },
  { file: "app/api/v1/import/[id]/route.ts", visibility: { anonymous: "refused", probe: { params: { id: "00000000-0000-4000-8000-000000000000" } } } },
  {
    file: "app/api/v1/reports/route.ts",
    visibility: { anonymous: "published only", probes: () => [{ query: "" }, { query: DRAFTS }, { query: "?limit=100" }] },
  },
  {
    file: "app/api/v1/reports/[id]/route.ts",
    visibility: { anonymous: "published only", probes: (l) => [{ params: { id: String(l.draftReportId) } }, { params: { id: String(l.publishedReportId) } }] },
  },
  {
    file: "app/api/v1/reports/[id]/history/route.ts",
    visibility: { anonymous: "published only", probes: (l) => [{ params: { id: String(l.publishedReportId) } }, { params: { id: String(l.draftReportId) } }] },
  },
  {
    file: "app/api/v1/speakers/route.ts",
    visibility: { anonymous: "published only", probes: (l) => [{ query: "" }, { query: `?q=${encodeURIComponent(l.marker)}` }, { query: "?limit=100" }] },
  },
  { file: "app/api/v1/speakers/[id]/route.ts", visibility: { anonymous: "published only", probes: (l) => [{ params: { id: String(l.draftSpeakerId) } }] } },
  {
    file: "app/api/v1/outlets/route.ts",
    visibility: { anonymous: "published only", probes: (l) => [{ query: "" }, { query: `?q=${encodeURIComponent(l.marker)}` }, { query: "?limit=100" }] },
  },
  { file: "app/api/v1/outlets/[id]/route.ts", visibility: { anonymous: "published only", probes: (l) => [{ params: { id: String(l.draftOutletId) } }] } },
  {
    file: "app/api/v1/dashboard/[chart]/route.ts",
    visibility: {
      anonymous: "published only",
      probes: () => ["timeline", "by-source", "by-target", "map"].flatMap((chart) => [{ params: { chart } }, { params: { chart }, query: DRAFTS }]),
    },
  },
  {
    file: "app/api/v1/export/[file]/route.ts",
    visibility: {
      anonymous: "published only",
      probes: () => ["reports.csv", "timeline.csv", "by-source.csv", "metadata.json"].flatMap((file) => [{ params: { file }, query: "?rows=full" }, { params: { file }, query: `${DRAFTS}&rows=full` }]),
    },
  },
];

/** Route files with GET that are not the app's reads, and why. */
export const READS_NOT_IN_MATRIX: Record<string, string> = {
  "app/api/auth/[...all]/route.ts": "better-auth's endpoints (get-session answers for the cookie sent, nothing else); tests/integration/auth.test.ts",
};
