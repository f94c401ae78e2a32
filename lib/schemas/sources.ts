// Write schemas of the things reports refer to: speakers, outlets and timeline
// events. The report form's "new speaker" and "new outlet" use the same fields.
import { z } from "zod";
import { OUTLET_KIND_KEYS } from "../domain";
import { optionalCountry, optionalHttpUrl, optionalText, pastDate, requiredText, versionField } from "./common";

const oneOf = (values: readonly string[]) => `must be one of ${values.join(", ")}`;

const speakerFields = {
  name: optionalText(200),
  role: optionalText(300),
  organisation: optionalText(300),
  country: optionalCountry,
};

function saysWho(speaker: { name?: string | null; role?: string | null; organisation?: string | null }, ctx: z.RefinementCtx) {
  if (!speaker.name && !speaker.role && !speaker.organisation) {
    ctx.addIssue({ code: "custom", path: ["name"], message: "say who this is: a name, a role or an organisation" });
  }
}

export const speakerInputSchema = z
  .strictObject({
    name: speakerFields.name.default(null),
    role: speakerFields.role.default(null),
    organisation: speakerFields.organisation.default(null),
    country: speakerFields.country.default(null),
  })
  .superRefine(saysWho);
export type SpeakerInput = z.output<typeof speakerInputSchema>;

export const speakerPatchSchema = z.strictObject({
  name: speakerFields.name.optional(),
  role: speakerFields.role.optional(),
  organisation: speakerFields.organisation.optional(),
  country: speakerFields.country.optional(),
  version: versionField,
});

const outletFields = {
  name: requiredText(200),
  kind: z.enum(OUTLET_KIND_KEYS, { error: oneOf(OUTLET_KIND_KEYS) }),
  homepage: optionalHttpUrl,
  country: optionalCountry,
};

export const outletInputSchema = z.strictObject({
  name: outletFields.name,
  kind: outletFields.kind.default("news_outlet"),
  homepage: outletFields.homepage.default(null),
  country: outletFields.country.default(null),
});
export type OutletInput = z.output<typeof outletInputSchema>;

export const outletPatchSchema = z.strictObject({
  name: outletFields.name.optional(),
  kind: outletFields.kind.optional(),
  homepage: outletFields.homepage.optional(),
  country: outletFields.country.optional(),
  version: versionField,
});

const eventFields = {
  date: pastDate,
  label: requiredText(200),
  description: optionalText(2000),
  country: optionalCountry,
};

export const eventInputSchema = z.strictObject({
  date: eventFields.date,
  label: eventFields.label,
  description: eventFields.description.default(null),
  country: eventFields.country.default(null),
});
export type EventInput = z.output<typeof eventInputSchema>;

export const eventPatchSchema = z.strictObject({
  date: eventFields.date.optional(),
  label: eventFields.label.optional(),
  description: eventFields.description.optional(),
  country: eventFields.country.optional(),
  version: versionField,
});
