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
