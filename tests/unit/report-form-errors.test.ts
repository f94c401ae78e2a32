// Given a report form the admin filled in, when the server refuses it, then the form marks only
// fields the admin can see, counts exactly those, and says what is wrong in plain words.
// The issues come from the real write schema, as the server action returns them.
import { describe, expect, it } from "vitest";
import { issuesFromZod, type Issue } from "@/lib/api/errors";
import { reportInputSchema } from "@/lib/schemas/report";
import { COUNT_NOT_A_NUMBER, formErrors, REQUIRED } from "@/components/admin/report-form/errors";
import { emptyForm, toPayload, type FormState } from "@/components/admin/report-form/state";

function validForm(): FormState {
  const form = emptyForm();
  form.targetCountry = "EC";
  form.periodStart = "2019-04-11";
  form.speakers[0] = { ...form.speakers[0], creating: true, name: "Javier Jara", role: "Deputy minister" };
  form.citations[0] = { ...form.citations[0], newOutletName: "The Hill", url: "https://thehill.com/a" };
  form.observations[0] = { ...form.observations[0], count: "40,000,000", qualifier: "more_than" };
  return form;
}

function serverIssues(form: FormState): Issue[] {
  const parsed = reportInputSchema.safeParse(toPayload(form));
  return parsed.success ? [] : issuesFromZod(parsed.error);
}

describe("formErrors", () => {
  it("a valid form has nothing to fix", () => {
    expect(serverIssues(validForm())).toEqual([]);
  });

  it("an end before the start: one marked field, counted once, though the server also names the figure that inherits the period", () => {
    const form = validForm();
    form.periodStart = "2020-03-01";
    form.periodEnd = "2020-02-01";
    const issues = serverIssues(form);
    expect(issues.map((i) => i.path)).toContain("observations.0.periodEnd"); // hidden behind the unchecked "Own period"
    const { fields, count } = formErrors(form, issues);
    expect(Object.keys(fields)).toEqual(["periodEnd"]);
    expect(count).toBe(1);
    expect(fields.periodEnd).toBe("must be on or after the start of the period (2020-03-01)");
  });

  it("a figure with its own period keeps its own period errors on its own fields", () => {
    const form = validForm();
    form.observations[0] = { ...form.observations[0], ownPeriod: true, periodStart: "2020-05-01", periodEnd: "2020-04-01" };
    const { fields, count } = formErrors(form, serverIssues(form));
    const key = form.observations[0].key;
    expect(fields).toEqual({ [`${key}.periodEnd`]: "must be on or after the start of the observation's period (2020-05-01)" });
    expect(count).toBe(1);
  });

  it("an empty period start says Required, nothing about calendars or 1970", () => {
    const form = validForm();
    form.periodStart = "";
    const { fields, count } = formErrors(form, serverIssues(form));
    expect(fields.periodStart).toBe(REQUIRED);
    expect(count).toBe(1);
    expect(Object.values(fields).join(" ")).not.toMatch(/calendar|1970/);
  });

  it("an empty own-period start of a figure says Required beside it", () => {
    const form = validForm();
    form.observations[0] = { ...form.observations[0], ownPeriod: true, periodStart: "", periodEnd: "" };
    const { fields } = formErrors(form, serverIssues(form));
    expect(fields[`${form.observations[0].key}.periodStart`]).toBe(REQUIRED);
  });

  it("a count that is not a number is explained in plain words, with no 'null'", () => {
    const form = validForm();
    form.observations[0] = { ...form.observations[0], count: "about forty million" };
    const { fields, count } = formErrors(form, serverIssues(form));
    expect(fields[`${form.observations[0].key}.count`]).toBe(COUNT_NOT_A_NUMBER);
    expect(COUNT_NOT_A_NUMBER).not.toMatch(/null/);
    expect(count).toBe(1);
  });

  it("a negative count keeps the schema's words, which a person understands", () => {
    const form = validForm();
    form.observations[0] = { ...form.observations[0], count: "-5" };
    const { fields } = formErrors(form, serverIssues(form));
    expect(fields[`${form.observations[0].key}.count`]).toBe("must be a whole number ≥ 0");
  });

  it("issues of several rows land on their rows by key, and a whole-input issue is not counted as a field", () => {
    const form = validForm();
    form.targetCountry = "";
    form.speakers[0] = { ...form.speakers[0], name: "", role: "" };
    const issues = [...serverIssues(form), { path: "", message: "something about the whole report" }];
    const { fields, count } = formErrors(form, issues);
    expect(fields.targetCountry).toBeTruthy();
    expect(fields[`${form.speakers[0].key}.who`]).toMatch(/a name, a role or an organisation/);
    expect(fields.form).toBe("something about the whole report");
    expect(count).toBe(2);
  });
});
