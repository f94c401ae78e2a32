// Route handlers for speakers, outlets and events: the three share their shape.
import { getPrisma, type Db } from "../db/client";
import { ApiError, notFound } from "./errors";
import { readJsonBody } from "./body";
import { apiRoute, json, parseQuery } from "./handler";
import { parseId } from "./ids";
import { respond, writeRoute } from "./write-route";
import { requireReader } from "../auth/viewer";
import { sourceQuerySchema } from "../schemas/source-query";
import { sourceAudience, type SourceAudience } from "../sources/public";
import { createSource, deleteSource, restoreSource, updateSource, type SourceKind } from "../writes/sources";

type Search = (db: Db, query: { q?: string; limit?: number; includeDeleted?: boolean; audience?: SourceAudience }) => Promise<unknown[]>;
type Get = (db: Db, id: number, audience?: SourceAudience) => Promise<{ deleted: boolean } | null>;
type Params = { id: string };

export function listHandler(search: Search) {
  return apiRoute(async (request) => {
    const viewer = await requireReader(request);
    const query = parseQuery(request, sourceQuerySchema);
    if (query.deleted === "true" && viewer?.role !== "admin") {
      throw new ApiError(viewer ? "forbidden" : "unauthorized", "Deleted records are listed for admins only.");
    }
    return json({ data: await search(getPrisma(), { q: query.q, limit: query.limit, includeDeleted: query.deleted === "true", audience: sourceAudience(viewer) }) });
  });
}

export function getHandler<J>(kind: SourceKind<J>, get: Get) {
  return apiRoute<{ params: Promise<Params> }>(async (request, { params }) => {
    const viewer = await requireReader(request);
    const id = parseId((await params).id);
    // Anonymous readers: a speaker or outlet that only drafts use is not found, like those drafts.
    const found = await get(getPrisma(), id, sourceAudience(viewer));
    if (!found || (found.deleted && viewer?.role !== "admin")) throw notFound(`${kind.label} ${id}`);
    return json(found);
  });
}

export const createHandler = <J>(kind: SourceKind<J>) =>
  writeRoute(async (request, { actor }) => respond(await createSource(kind, actor, await readJsonBody(request)), 201));

export const updateHandler = <J>(kind: SourceKind<J>) =>
  writeRoute<Params>(async (request, { actor, params }) => respond(await updateSource(kind, actor, parseId(params.id), await readJsonBody(request))));

export const deleteHandler = <J>(kind: SourceKind<J>) =>
  writeRoute<Params>(async (request, { actor, params }) => respond(await deleteSource(kind, actor, parseId(params.id), await readJsonBody(request))));

export const restoreHandler = <J>(kind: SourceKind<J>) =>
  writeRoute<Params>(async (request, { actor, params }) => respond(await restoreSource(kind, actor, parseId(params.id), await readJsonBody(request))));
