// Matching typed text against a picker's options. Pure, so the ranking is unit-tested without a
// browser. An option is found by its label, its code (key) or one of its other names ("USA",
// "Russia", "Türkiye"/"Turkey"), ignoring case and accents. A code matches only when typed in
// full: while "Ecuador" is being typed, "EC" is a prefix of the name, not a wish for Ecuador's
// code — and "Ec"→"DO"/"UA"-style surprises came from prefixes matched as codes.

export interface SearchableOption {
  key: string;
  label: string;
  /** Other names the option is known by, e.g. "USA" for the United States of America. */
  aliases?: readonly string[];
}

export const foldText = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ı/g, "i")
    .toLowerCase()
    .trim();

const words = (text: string) => text.split(/[\s(),.\-/]+/).filter(Boolean);

/** Lower is better; -1: no match. */
function rank(option: SearchableOption, q: string): number {
  const label = foldText(option.label);
  const aliases = (option.aliases ?? []).map(foldText);
  if (label === q || foldText(option.key) === q) return 0;
  if (aliases.includes(q)) return 1;
  if (label.startsWith(q)) return 2;
  if (aliases.some((alias) => alias.startsWith(q))) return 3;
  if (words(label).some((word) => word.startsWith(q))) return 4;
  if (aliases.some((alias) => words(alias).some((word) => word.startsWith(q)))) return 5;
  if (label.includes(q)) return 6;
  return -1;
}

/** Best matches first: exact name or code, exact other name, then names starting with the text (shortest first), a word of a name, anywhere in the name. */
export function searchOptions<O extends SearchableOption>(options: readonly O[], query: string, limit = 12): O[] {
  const q = foldText(query);
  if (!q) return options.slice(0, limit);
  const scored: Array<[number, number, O]> = [];
  for (const option of options) {
    const score = rank(option, q);
    if (score >= 0) scored.push([score, option.label.length, option]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .slice(0, limit)
    .map(([, , option]) => option);
}
