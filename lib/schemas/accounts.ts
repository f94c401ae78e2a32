// Accounts and API tokens, as operators and admins create them.
import { z } from "zod";
import { passwordWeakness } from "../auth/password-strength";
import { ROLES } from "../auth/roles";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../auth/limits";
import { optionalText, requiredText } from "./common";

export const emailField = z
  .string({ error: "must be an email address" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "must be an email address, like a@example.org" }).max(254, { error: "must be at most 254 characters" }));

export const passwordField = z
  .string({ error: "must be a password" })
  .min(MIN_PASSWORD_LENGTH, { error: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(MAX_PASSWORD_LENGTH, { error: `must be at most ${MAX_PASSWORD_LENGTH} characters` })
  .superRefine((password, ctx) => {
    // Only once the length is right: one message at a time.
    if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) return;
    const weakness = passwordWeakness(password);
    if (weakness) ctx.addIssue({ code: "custom", message: weakness });
  });

export const userInputSchema = z.strictObject({
  email: emailField,
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
  name: optionalText(200).optional(),
  password: passwordField,
});
export type UserInput = z.output<typeof userInputSchema>;

export const tokenInputSchema = z.strictObject({
  name: requiredText(100),
  /** Whose token: it acts with that user's role. Default: the caller. */
  email: emailField.optional(),
  /** Days until it stops working; absent or null: until revoked. */
  expiresInDays: z
    .number({ error: "must be a number of days (1 to 3650), or null for no expiry" })
    .int({ error: "must be a whole number of days" })
    .min(1, { error: "must be at least 1 day" })
    .max(3650, { error: "must be at most 3650 days" })
    .nullable()
    .optional(),
});
export type TokenInput = z.output<typeof tokenInputSchema>;
