// Provenance in words: who said it, and the path the statement took to print.
import { CITATION_KINDS, OUTLET_KINDS } from "../domain";
import { findCountry } from "../reference-data";
import type { CitationJson, SpeakerJson } from "./types";

export const UNNAMED_SPEAKER = "Unnamed official";

type Named = Pick<SpeakerJson, "name"> & Partial<Pick<SpeakerJson, "role" | "organisation">>;

/**
 * A speaker with neither a name nor a role but an organisation is the organisation speaking as
 * itself ("State Service of Special Communications"), not an unnamed person of it.
 */
export function speaksAsOrganisation(speaker: Named): boolean {
  return !speaker.name?.trim() && !speaker.role?.trim() && Boolean(speaker.organisation?.trim());
}

/** How a speaker is named: their name, else the organisation speaking as itself, else "Unnamed official". */
export function speakerName(speaker: Named): string {
  if (speaksAsOrganisation(speaker)) return speaker.organisation!.trim();
  return speaker.name?.trim() || UNNAMED_SPEAKER;
}

/** "Deputy Minister for …, Telecommunications ministry (Ecuador)" — the parts that are known, less what the name already says. */
export function speakerDescription(speaker: Omit<SpeakerJson, "id">): string {
  const where = speaker.country ? findCountry(speaker.country)?.name ?? speaker.country : null;
  const asItself = speaksAsOrganisation(speaker);
  const parts = [speaker.role, asItself ? null : speaker.organisation].filter((part): part is string => Boolean(part?.trim()));
  const described = parts.join(", ");
  if (!where) return described;
  return described ? `${described} (${where})` : where;
}

/**
 * The chains of citations, each from the original source to the last
 * republication: [[AFP interview, The Hill republication]]. A citation that
 * several others were taken from starts one chain per branch.
 */
export function citationChains(citations: readonly CitationJson[]): CitationJson[][] {
  const children = new Map<number, number[]>();
  const roots: number[] = [];
  citations.forEach((citation, index) => {
    const parent = citation.takenFrom;
    if (parent === null || parent === index || parent < 0 || parent >= citations.length) roots.push(index);
    else children.set(parent, [...(children.get(parent) ?? []), index]);
  });
  const chains: CitationJson[][] = [];
  const walk = (index: number, path: number[]) => {
    if (path.includes(index)) return; // a loop in bad data: stop rather than spin
    const next = [...path, index];
    const kids = children.get(index) ?? [];
    if (kids.length === 0) chains.push(next.map((i) => citations[i]));
    else kids.forEach((kid) => walk(kid, next));
  };
  roots.forEach((root) => walk(root, []));
  return chains;
}

export function citationStep(citation: CitationJson): string {
  return `${citation.outlet.name} (${CITATION_KINDS[citation.kind] ?? citation.kind})`;
}

/** "Agence France-Presse (AFP) (interview) → The Hill (republished)" */
export function chainText(chain: readonly CitationJson[]): string {
  return chain.map(citationStep).join(" → ");
}

export function outletKindLabel(kind: string): string {
  return OUTLET_KINDS[kind as keyof typeof OUTLET_KINDS] ?? kind;
}

/** Only http(s) URLs become links; anything else is shown as text, if at all. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
