import { z } from "zod";

/** ?q=…&limit=…&deleted=true for the speaker, outlet and event lists. */
export const sourceQuerySchema = z.strictObject({
  q: z.string().trim().max(100, { error: "must be at most 100 characters" }).optional(),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(100, { error: "must be at most 100" })
    .default(20),
  deleted: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
});
