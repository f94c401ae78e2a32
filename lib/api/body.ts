// Reading a JSON request body with the limits every write needs: the right
// content type (415), a bounded size (413) counted as it streams in, and JSON
// that parses (400) into an object.
import { ApiError } from "./errors";

export const MAX_JSON_BYTES = 1024 * 1024;

export function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

function tooLarge(limit: number): ApiError {
  return new ApiError("payload_too_large", `The request body is larger than ${Math.round(limit / 1024)} KB.`);
}

/** Reads at most `limit` bytes of the body; a longer body is refused as soon as it passes the limit. */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

export async function readJsonBody(request: Request, limit = MAX_JSON_BYTES): Promise<Record<string, unknown>> {
  const type = mediaType(request);
  if (type !== "application/json") {
    throw new ApiError(
      "unsupported_media_type",
      type ? `The body must be JSON (Content-Type: application/json), not ${type.slice(0, 80)}.` : "The body must be JSON: send it with Content-Type: application/json.",
    );
  }
  const bytes = await readBodyBytes(request, limit);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError("validation_failed", "The body is not valid UTF-8 text.", [{ path: "", message: "is not valid UTF-8" }]);
  }
  if (!text.trim()) throw new ApiError("validation_failed", "The request body is empty: send a JSON object.", [{ path: "", message: "is empty" }]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : "";
    throw new ApiError("validation_failed", `The body is not valid JSON${detail ? `: ${detail}` : ""}.`, [{ path: "", message: "is not valid JSON" }]);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ApiError("validation_failed", "The body must be a JSON object ({ … }).", [{ path: "", message: "must be a JSON object" }]);
  }
  return value as Record<string, unknown>;
}
