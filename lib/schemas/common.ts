// Field schemas shared by every request schema, with messages a person understands.
import { z } from "zod";
import { isCountryCode, isRegionCode } from "../reference-data";

export const isoDate = z.iso.date({ error: "must be a real calendar date written YYYY-MM-DD" });

export const countryCode = z
  .string({ error: "must be an ISO 3166-1 alpha-2 country code such as EC" })
  .refine(isCountryCode, { error: (issue) => `Unknown country code '${String(issue.input)}'` });

export const regionCode = z
  .string({ error: "must be a UN M49 region code such as 150 (Europe)" })
  .refine(isRegionCode, { error: (issue) => `Unknown region code '${String(issue.input)}'` });

/** A source is either a country (alpha-2) or a region (M49, three digits). */
export const sourceCode = z
  .string()
  .refine((code) => isCountryCode(code) || isRegionCode(code), {
    error: (issue) => `Unknown source '${String(issue.input)}': use a country code such as US or a UN M49 region code such as 150`,
  });

/** "EC,US" or repeated parameters → ["EC", "US"]; country codes are upper-cased so "ec" works too. */
export function commaList<T extends z.ZodType>(item: T, options: { upperCase?: boolean } = {}) {
  return z.preprocess(
    (value) => {
      if (value === undefined) return undefined;
      const values = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(","));
      const cleaned = values.map((v) => v.trim()).filter(Boolean);
      return options.upperCase ? cleaned.map((v) => v.toUpperCase()) : cleaned;
    },
    z.array(item).min(1, { error: "must name at least one value" }).optional(),
  );
}
