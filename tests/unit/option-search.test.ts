// Given the country picker's options, when a person types, then the right countries are suggested first.
import { describe, expect, it } from "vitest";
import { searchOptions } from "@/lib/option-search";
import { COUNTRIES, COUNTRY_OTHER_NAMES } from "@/lib/reference-data";

const options = COUNTRIES.map((c) => ({ key: c.code, label: c.name, aliases: COUNTRY_OTHER_NAMES.get(c.code), value: c.code }));
const first = (query: string) => searchOptions(options, query)[0]?.key;
const keys = (query: string) => searchOptions(options, query).map((o) => o.key);

describe("searchOptions for countries", () => {
  it("finds a country by its full name, ignoring case and accents", () => {
    expect(first("Ecuador")).toBe("EC");
    expect(first("ecuador")).toBe("EC");
    expect(first("turkiye")).toBe("TR");
  });

  it("offers only names that start with what was typed so far, never a country whose code merely equals a prefix of another name", () => {
    // Typing "Ecuador" key by key: every prefix suggests Ecuador first.
    for (let n = 2; n <= "Ecuador".length; n++) expect(first("Ecuador".slice(0, n))).toBe("EC");
    expect(keys("Ecua")).toEqual(["EC"]);
    expect(keys("Ecuador")).not.toContain("DO");
    expect(keys("Ecuador")).not.toContain("UA");
  });

  it("finds a country by its code typed in full", () => {
    expect(first("EC")).toBe("EC");
    expect(first("ua")).toBe("UA");
    expect(first("DEU")).toBe("DE");
  });

  it.each([
    ["USA", "US"],
    ["United States", "US"],
    ["Russia", "RU"],
    ["Iran", "IR"],
    ["South Korea", "KR"],
    ["Türkiye", "TR"],
    ["Turkey", "TR"],
    ["UK", "GB"],
    ["Czechia", "CZ"],
  ])("finds %s by its common name", (query, code) => {
    expect(first(query)).toBe(code);
  });

  it("puts a name that starts with the text before one that only contains it, shortest first", () => {
    expect(keys("Guinea").slice(0, 1)).toEqual(["GN"]);
    expect(keys("Guinea")).toEqual(expect.arrayContaining(["GN", "GW", "GQ", "PG"]));
    expect(keys("Guinea").indexOf("PG")).toBeGreaterThan(keys("Guinea").indexOf("GW"));
  });

  it("returns nothing for text that names no country, and the first options for empty text", () => {
    expect(keys("Atlantis")).toEqual([]);
    expect(searchOptions(options, "  ", 5)).toHaveLength(5);
  });
});
