import { describe, expect, it } from "vitest";
import { COUNTRIES, REGIONS, countriesInRegion, findCountry, findRegion, regionWithDescendants } from "@/lib/reference-data";

describe("reference data from the kept packages", () => {
  it("holds every ISO 3166-1 country with its codes", () => {
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(249);
    expect(findCountry("EC")).toEqual({ code: "EC", alpha3: "ECU", numeric: "218", name: "Ecuador", regionCode: "005" });
  });

  it("holds the UN M49 continents and sub-regions as a tree", () => {
    expect(findRegion("150")).toMatchObject({ name: "Europe", kind: "continent", parentCode: "001" });
    expect(findRegion("155")).toMatchObject({ name: "Western Europe", kind: "subregion", parentCode: "150" });
    expect(REGIONS.filter((r) => r.kind === "continent").map((r) => r.name).sort()).toEqual([
      "Africa",
      "Americas",
      "Asia",
      "Europe",
      "Oceania",
    ]);
  });

  it("knows which countries a region holds, at any depth", () => {
    expect(regionWithDescendants("150").sort()).toEqual(["039", "150", "151", "154", "155"]);
    const europe = countriesInRegion("150");
    expect(europe).toEqual(expect.arrayContaining(["FR", "DE", "UA", "SE", "IT"]));
    expect(europe).not.toContain("BR");
    expect(countriesInRegion("419")).toEqual(expect.arrayContaining(["BR", "EC"]));
  });
});
