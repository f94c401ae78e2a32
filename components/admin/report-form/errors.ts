// The server's issues, turned into what the admin can see and fix. Pure, so it is unit-tested.
//
// The API names fields by their place in the payload ("observations.2.periodEnd") and words its
// messages for programs ("…or null when…"). The form shows fields by row key, hides some of them
// (a figure's own period behind an unchecked box), and speaks to a person. So:
// - an issue is put on the field the admin sees: "observations.2.count" → that row's count box;
//   a figure that uses the report's period gets its period issues on the report's period fields
//   (that is where the dates come from), once, not as a third problem nobody can find;
// - an empty required date says "Required", not the calendar rules it broke;
// - a count that is not a number says so in plain words;
// - the number of problems is the number of marked fields.
import type { Issue } from "@/lib/api/errors";
import { parseCount, type FormState } from "./state";

export interface FormErrors {
  /** Message by form field: "periodStart", "<row key>.count", "form" for the whole input. */
  fields: Record<string, string>;
  /** How many marked fields there are (the whole-input message aside): what "N things to fix" counts. */
  count: number;
}

export const REQUIRED = "Required";
export const COUNT_NOT_A_NUMBER = "Write a whole number, e.g. 2,194 — or leave it empty if no figure was given";

const DATE_FIELDS = new Set(["periodStart", "periodEnd", "statedOn", "publishedOn", "accessedOn"]);
const SPEAKER_WHO = new Set(["id", "name", "role", "organisation", "country"]);

type Rows = Record<"speakers" | "citations" | "observations", Array<{ key: string } & Record<string, unknown>>>;

/** The field an issue belongs on, and the value the admin typed there (to recognise an empty one). */
function place(form: FormState, rows: Rows, path: string): { field: string; value: unknown; inherited?: true } {
  const parts = path.split(".");
  if (!path) return { field: "form", value: undefined };
  const list = rows[parts[0] as keyof Rows];
  if (!list || parts[1] === undefined || !/^\d+$/.test(parts[1])) return { field: path, value: (form as unknown as Record<string, unknown>)[parts[0]] };
  const row = list[Number(parts[1])];
  if (!row) return { field: parts[0], value: undefined };
  const name = parts[2];
  if (parts[0] === "observations") {
    if (name === "scope") return { field: `${row.key}.scope`, value: row.scopeCode };
    // The figure uses the report's period: its dates are the report's, edited there.
    if ((name === "periodStart" || name === "periodEnd") && !row.ownPeriod) return { field: name, value: form[name], inherited: true };
  }
  if (parts[0] === "citations" && name === "outlet") return { field: `${row.key}.outlet`, value: undefined };
  if (parts[0] === "speakers" && SPEAKER_WHO.has(name)) return { field: `${row.key}.who`, value: undefined };
  return { field: [row.key, ...parts.slice(2)].join("."), value: name === undefined ? undefined : row[name] };
}

function words(issue: Issue, field: string, value: unknown): string {
  const name = field.split(".").at(-1)!;
  if (DATE_FIELDS.has(name) && value === "") return REQUIRED;
  if (name === "count" && typeof value === "string" && typeof parseCount(value) === "string") return COUNT_NOT_A_NUMBER;
  return issue.message;
}

export function formErrors(form: FormState, issues: readonly Issue[]): FormErrors {
  const rows = { speakers: form.speakers, citations: form.citations, observations: form.observations } as unknown as Rows;
  const messages = new Map<string, string[]>();
  const placed = issues.map((issue) => ({ issue, ...place(form, rows, issue.path) }));
  // A report's own issues first: a figure's issue about the period it inherits adds nothing to them.
  for (const { issue, field, value, inherited } of [...placed.filter((p) => !p.inherited), ...placed.filter((p) => p.inherited)]) {
    if (inherited && messages.has(field)) continue;
    const message = words(issue, field, value);
    const list = messages.get(field) ?? [];
    // "Required" says it all; the same words twice (a report's period judged again for each figure) once.
    if (message === REQUIRED) list.splice(0, list.length, REQUIRED);
    else if (!list.includes(REQUIRED) && !list.includes(message)) list.push(message);
    messages.set(field, list);
  }
  const fields = Object.fromEntries([...messages].map(([field, list]) => [field, list.join("; ")]));
  return { fields, count: [...messages.keys()].filter((field) => field !== "form").length };
}
