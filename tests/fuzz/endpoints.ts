// Which cases each write endpoint gets, how a case becomes a request, and how
// an answer is judged. Shared by the in-process test
// (tests/integration/fuzz-writes.test.ts) and the run over HTTP against the
// built app (reliability/fuzz.ts), so both hold every endpoint to the same rules.
import type fc from "fast-check";
import type { Method } from "../authz/routes";
import {
  createReportCases,
  createSourceCases,
  createTokenCases,
  deleteSourceCases,
  patchReportCases,
  patchSourceCases,
  reasonReportCases,
  restoreReportCases,
  restoreSourceCases,
  revokeTokenCases,
  type Case,
  type SourceKind,
  type Target,
} from "./arbitraries";
import { importCases } from "./import-cases";
import { jsonText } from "./values";

export interface FuzzEndpoint {
  /** As in tests/authz/routes.ts: the route file and the method. */
  file: string;
  method: Method;
  /** The URL path, with the case's id in place of {id}. */
  path(id: string): string;
  cases: fc.Arbitrary<Case>;
  /** Which made things the targets of its cases are. */
  family: "reports" | SourceKind | "tokens" | "import";
}

const sourceEndpoints = (kind: SourceKind): FuzzEndpoint[] => [
  { file: `app/api/v1/${kind}/route.ts`, method: "POST", path: () => `/api/v1/${kind}`, cases: createSourceCases(kind), family: kind },
  { file: `app/api/v1/${kind}/[id]/route.ts`, method: "PATCH", path: (id) => `/api/v1/${kind}/${id}`, cases: patchSourceCases(kind), family: kind },
  { file: `app/api/v1/${kind}/[id]/route.ts`, method: "DELETE", path: (id) => `/api/v1/${kind}/${id}`, cases: deleteSourceCases(), family: kind },
  { file: `app/api/v1/${kind}/[id]/restore/route.ts`, method: "POST", path: (id) => `/api/v1/${kind}/${id}/restore`, cases: restoreSourceCases(), family: kind },
];

export const FUZZ_ENDPOINTS: FuzzEndpoint[] = [
  { file: "app/api/v1/reports/route.ts", method: "POST", path: () => "/api/v1/reports", cases: createReportCases, family: "reports" },
  { file: "app/api/v1/reports/[id]/route.ts", method: "PATCH", path: (id) => `/api/v1/reports/${id}`, cases: patchReportCases, family: "reports" },
  { file: "app/api/v1/reports/[id]/route.ts", method: "DELETE", path: (id) => `/api/v1/reports/${id}`, cases: reasonReportCases("delete"), family: "reports" },
  { file: "app/api/v1/reports/[id]/retract/route.ts", method: "POST", path: (id) => `/api/v1/reports/${id}/retract`, cases: reasonReportCases("retract"), family: "reports" },
  { file: "app/api/v1/reports/[id]/restore/route.ts", method: "POST", path: (id) => `/api/v1/reports/${id}/restore`, cases: restoreReportCases, family: "reports" },
  ...sourceEndpoints("speakers"),
  ...sourceEndpoints("outlets"),
  ...sourceEndpoints("events"),
  { file: "app/api/v1/tokens/route.ts", method: "POST", path: () => "/api/v1/tokens", cases: createTokenCases, family: "tokens" },
  { file: "app/api/v1/tokens/[id]/route.ts", method: "DELETE", path: (id) => `/api/v1/tokens/${id}`, cases: revokeTokenCases, family: "tokens" },
  { file: "app/api/v1/import/route.ts", method: "POST", path: () => "/api/v1/import", cases: importCases, family: "import" },
];

export const endpointName = (e: { method: string; file: string }) => `${e.method} ${e.file.replace(/^app/, "").replace(/\/route\.ts$/, "")}`;

/** The ids of the things cases aim at, per family (made by whoever runs the cases). */
export type Targets = Partial<Record<FuzzEndpoint["family"], Partial<Record<Target, string>>>>;

/** The id in the URL, encoded as a client would send it (a raw id may hold anything). */
export function caseId(endpoint: FuzzEndpoint, c: Case, targets: Targets): string {
  if (!c.id) return "";
  if ("raw" in c.id) return c.id.raw;
  const id = targets[endpoint.family]?.[c.id.target];
  if (id === undefined) throw new Error(`no ${c.id.target} target made for ${endpoint.family}`);
  return id;
}

export interface FuzzRequest {
  /** Path and query, with the id percent-encoded. */
  url: string;
  /** The id as the route receives it (decoded). */
  id: string;
  init: RequestInit & { headers: Record<string, string> };
}

export function fuzzRequest(endpoint: FuzzEndpoint, c: Case, targets: Targets, auth: Record<string, string>): FuzzRequest {
  const id = caseId(endpoint, c, targets);
  const url = endpoint.path(encodeURIComponent(id)) + (c.query ?? "");
  const defaultType = endpoint.family === "import" ? "text/csv" : "application/json";
  const contentType = c.contentType === undefined ? defaultType : c.contentType;
  let body: string | Uint8Array | undefined = c.raw ?? (c.body === undefined ? undefined : jsonText(c.body));
  // Without a Content-Type, a string body would be sent as text/plain: send bytes, which carry none.
  if (contentType === null && typeof body === "string") body = new TextEncoder().encode(body);
  const headers: Record<string, string> = { ...auth, ...(contentType !== null && body !== undefined ? { "content-type": contentType } : {}) };
  return { url, id, init: { method: endpoint.method, headers, body: body as BodyInit | undefined } };
}

const STATUS_OF_CODE: Record<string, number> = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
};

/**
 * What is wrong with an answer to an invalid case, or null when it is right:
 * the expected 4xx, the documented shape { error: { code, message, issues? } }
 * with a code that matches the status, and for validation errors an issue
 * that names the field the case broke.
 */
export function judge(c: Case, status: number, text: string): string | null {
  if (status >= 500) return `${status} (server error): ${text.slice(0, 300)}`;
  if (status !== c.status) return `expected ${c.status}, got ${status}: ${text.slice(0, 300)}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `the answer is not JSON: ${text.slice(0, 200)}`;
  }
  const error = (body as { error?: Record<string, unknown> })?.error;
  if (!error || typeof error !== "object" || Object.keys(body as object).length !== 1) return `not the error shape: ${text.slice(0, 200)}`;
  if (typeof error.code !== "string" || STATUS_OF_CODE[error.code] !== status) return `code ${String(error.code)} does not go with ${status}`;
  if (typeof error.message !== "string" || !error.message.trim()) return "no message";
  if (/\n\s+at /.test(error.message)) return "a stack trace in the message";
  if (error.issues !== undefined) {
    if (!Array.isArray(error.issues) || error.issues.some((i) => typeof i?.path !== "string" || typeof i?.message !== "string" || !i.message)) return `issues not [{ path, message }]: ${JSON.stringify(error.issues).slice(0, 200)}`;
  }
  if (status === 400 && !(Array.isArray(error.issues) && error.issues.length)) return "a validation error without issues";
  if (c.path !== undefined) {
    const paths = ((error.issues as Array<{ path: string }> | undefined) ?? []).map((i) => i.path);
    const wanted = c.path;
    const found = wanted.endsWith("*") ? paths.some((p) => p.startsWith(wanted.slice(0, -1))) : paths.includes(wanted);
    if (!found) return `no issue names "${wanted}"; issues name ${JSON.stringify(paths.slice(0, 8))}: ${String(error.message).slice(0, 200)}`;
  }
  return null;
}
