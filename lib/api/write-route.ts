// The wrapper of every write route handler: who is asking (401 for a bad
// token), the same-origin check for cookie sign-ins (403), the role (401/403)
// — all before the body is read — then the handler, whose lib action returns
// a WriteResult that `respond` turns into the API's response shape.
import type { Actor } from "../audit/record";
import { assertSameOrigin } from "../auth/csrf";
import { actorOf, getViewer, type Viewer } from "../auth/viewer";
import type { Role } from "../auth/roles";
import { authorise, type WriteResult } from "../writes/result";
import { apiRoute, json } from "./handler";

interface WriteContext<P> {
  actor: Actor;
  viewer: Viewer;
  params: P;
}

export function writeRoute<P = Record<string, never>>(
  handler: (request: Request, context: WriteContext<P>) => Promise<Response>,
  options: { role?: Role } = {},
) {
  return apiRoute<{ params: Promise<P> }>(async (request, context) => {
    const viewer = await getViewer(request);
    if (viewer?.via === "session") assertSameOrigin(request);
    const actor = authorise(actorOf(viewer), options.role ?? "admin");
    return handler(request, { actor, viewer: viewer!, params: context?.params ? await context.params : ({} as P) });
  });
}

export function respond<T>(result: WriteResult<T>, status = 200): Response {
  if (result.ok) return json(result.value, { status });
  const { code, message, issues, details, status: errorStatus } = result.error;
  return json({ error: { code, message, ...(issues ? { issues } : {}), ...(details ?? {}) } }, { status: errorStatus });
}
