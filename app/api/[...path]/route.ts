// Any /api path without a handler answers in the API's error shape, not with an HTML page.
import { ApiError } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/handler";

function unknownRoute(request: Request): Response {
  return errorResponse(new ApiError("not_found", `There is no API endpoint at ${new URL(request.url).pathname}`));
}

export { unknownRoute as GET, unknownRoute as POST, unknownRoute as PUT, unknownRoute as PATCH, unknownRoute as DELETE };
