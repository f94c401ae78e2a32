import { ApiError } from "@/lib/api/errors";
import { respond, writeRoute } from "@/lib/api/write-route";
import { revokeApiToken } from "@/lib/writes/accounts";

/** Revokes the token: requests that send it get 401 from now on. */
export const DELETE = writeRoute<{ id: string }>(async (_request, { actor, params }) => {
  if (!/^[0-9a-f-]{36}$/i.test(params.id)) {
    throw new ApiError("validation_failed", "Token ids look like 8f14e45f-ea5c-4f3a-9b2d-…", [{ path: "id", message: "is not a token id" }]);
  }
  return respond(await revokeApiToken(actor, params.id));
});
