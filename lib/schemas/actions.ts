// Bodies of the actions that are not edits: delete, retract, restore.
import { z } from "zod";
import { optionalText, reasonField, versionField } from "./common";

/** DELETE and retract: a reason is required; the version is checked when given. */
export const reasonBodySchema = z.strictObject({
  reason: reasonField,
  version: versionField.optional(),
});
export type ReasonBody = z.output<typeof reasonBodySchema>;

/**
 * Restore: without `toVersion`, brings a deleted record back; with it, makes
 * an earlier version of a report current again (as a new version), which
 * needs the current `version` for the concurrency check.
 */
export const restoreBodySchema = z
  .strictObject({
    reason: optionalText(2000).optional(),
    toVersion: versionField.optional(),
    version: versionField.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.toVersion !== undefined && body.version === undefined) {
      ctx.addIssue({ code: "custom", path: ["version"], message: "must be the current version you read, to restore an earlier one" });
    }
  });
export type RestoreBody = z.output<typeof restoreBodySchema>;
