import { describe, expect, it } from "vitest";
import { chainText, citationChains, safeHref, speakerDescription, speakerName } from "@/lib/reports/provenance";
import type { CitationJson } from "@/lib/reports/types";

function citation(id: number, outlet: string, kind: CitationJson["kind"], takenFrom: number | null): CitationJson {
  return {
    id,
    outlet: { id, name: outlet, kind: "news_outlet", homepage: null, country: null },
    kind,
    url: null,
    title: null,
    publishedOn: null,
    accessedOn: null,
    takenFrom,
  };
}

describe("citation chains", () => {
  it("follows a statement from the interview to its republication", () => {
    const chains = citationChains([citation(1, "AFP", "interview", null), citation(2, "The Hill", "republished", 0)]);
    expect(chains.map(chainText)).toEqual(["AFP (interview) → The Hill (republished)"]);
  });

  it("gives one chain per branch when several outlets took from the same source", () => {
    const chains = citationChains([
      citation(1, "AFP", "interview", null),
      citation(2, "The Hill", "republished", 0),
      citation(3, "France 24", "republished", 0),
      citation(4, "Ministry website", "press_release", null),
    ]);
    expect(chains.map(chainText)).toEqual([
      "AFP (interview) → The Hill (republished)",
      "AFP (interview) → France 24 (republished)",
      "Ministry website (press release)",
    ]);
  });

  it("survives bad data: a citation taken from itself or from outside the list", () => {
    const chains = citationChains([citation(1, "A", "article", 0), citation(2, "B", "article", 7)]);
    expect(chains.map(chainText)).toEqual(["A (article)", "B (article)"]);
  });
});

describe("speakers", () => {
  it("calls a speaker without a name an unnamed official", () => {
    expect(speakerName({ name: null })).toBe("Unnamed official");
    expect(speakerName({ name: "  " })).toBe("Unnamed official");
    expect(speakerName({ name: "Javier Jara" })).toBe("Javier Jara");
  });

  it("names an organisation that speaks as itself by the organisation, not as an unnamed official", () => {
    const service = { name: null, role: null, organisation: "State Service of Special Communications", country: "UA" };
    expect(speakerName(service)).toBe("State Service of Special Communications");
    // The description does not repeat it: only the country is left to say.
    expect(speakerDescription(service)).toBe("Ukraine");
    // A person of an organisation, with a role but no name, is still an unnamed official of it.
    const spokesperson = { name: null, role: "Spokesperson", organisation: "Ministry of Defence", country: null };
    expect(speakerName(spokesperson)).toBe("Unnamed official");
    expect(speakerDescription(spokesperson)).toBe("Spokesperson, Ministry of Defence");
    expect(speakerName({ name: "Javier Jara", role: null, organisation: "MINTEL" })).toBe("Javier Jara");
  });

  it("describes a speaker with only the parts that are known", () => {
    expect(speakerDescription({ name: null, role: "Deputy minister", organisation: null, country: "EC" })).toBe(
      "Deputy minister (Ecuador)",
    );
    expect(speakerDescription({ name: "X", role: null, organisation: null, country: null })).toBe("");
  });
});

describe("links", () => {
  it("only ever links to http and https", () => {
    expect(safeHref("https://thehill.com/a")).toBe("https://thehill.com/a");
    expect(safeHref("http://example.org")).toBe("http://example.org/");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,<b>x</b>")).toBeNull();
    expect(safeHref("not a url")).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});
