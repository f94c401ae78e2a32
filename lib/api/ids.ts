import { ApiError } from "./errors";

/** A path id must be a positive whole number; anything else is the caller's mistake (400), not a missing row. */
export function parseId(raw: string, field = "id"): number {
  if (!/^[1-9]\d{0,14}$/.test(raw)) {
    throw new ApiError("validation_failed", `The ${field} "${raw.slice(0, 40)}" is not valid: ids are positive whole numbers`, [
      { path: field, message: "must be a positive whole number" },
    ]);
  }
  return Number(raw);
}
