// Route handlers are wrapped once: errors a caller can cause become the
// documented error shape; anything else is logged and answered with a 500
// that reveals nothing.
import type { z } from "zod";
import { ApiError, validationError } from "./errors";

export function json(body: unknown, init: ResponseInit = {}): Response {
  return Response.json(body, {
    ...init,
    headers: { "Cache-Control": "no-store", ...(init.headers ?? {}) },
  });
}

export function errorResponse(error: ApiError): Response {
  return json(error.toJSON(), { status: error.status, headers: error.headers });
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed:`, error);
      return errorResponse(new ApiError("internal_error", "Something went wrong on the server; the error has been logged."));
    }
  };
}

/**
 * Query string → object; a parameter given twice becomes an array. The object
 * has no prototype: "__proto__" or "constructor" in a query are parameters
 * like any other (refused by name as unknown), not Object.prototype's.
 */
export function queryObject(request: Request): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URL(request.url).searchParams) {
    const previous = result[key];
    result[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return result;
}

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const parsed = schema.safeParse(queryObject(request));
  if (!parsed.success) throw validationError(parsed.error, "query");
  return parsed.data;
}
