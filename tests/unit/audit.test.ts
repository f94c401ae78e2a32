// Given what `npm audit --json` prints, when scripts/audit.ts judges it, then
// a high or critical advisory in a production dependency fails the check
// unless audit-exceptions.json lists it with a reason; an audit that could not
// run is never taken for a clean one.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { AuditUnavailable, EXCEPTIONS_FILE, findings, judge, parseExceptions } from "@/scripts/audit";

const advisory = (name: string, id: string, severity: string) => ({
  source: 1,
  name,
  dependency: name,
  title: `Problem in ${name}`,
  url: `https://github.com/advisories/${id}`,
  severity,
  range: "<2.0.0",
});

const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    "left-pad": { name: "left-pad", severity: "critical", isDirect: false, via: [advisory("left-pad", "GHSA-2222-3333-4444", "critical")] },
    "uses-left-pad": { name: "uses-left-pad", severity: "critical", isDirect: true, via: ["left-pad"] },
    "slow-regex": { name: "slow-regex", severity: "high", isDirect: true, via: [advisory("slow-regex", "GHSA-5555-6666-7777", "high")] },
    chatty: { name: "chatty", severity: "moderate", isDirect: true, via: [advisory("chatty", "GHSA-8888-9999-cccc", "moderate")] },
  },
  metadata: { vulnerabilities: { critical: 2, high: 1, moderate: 1 } },
};

describe("the production dependency audit", () => {
  it("finds each high and critical advisory once, at the package it is in, and ignores moderate ones", () => {
    expect(findings(report).map((f) => [f.package, f.advisory, f.severity])).toEqual([
      ["left-pad", "GHSA-2222-3333-4444", "critical"],
      ["slow-regex", "GHSA-5555-6666-7777", "high"],
    ]);
  });

  it("fails on an advisory without an exception, passes it with one, and names exceptions no longer needed", () => {
    const exceptions = parseExceptions({
      exceptions: [
        { advisory: "GHSA-5555-6666-7777", package: "slow-regex", reason: "Only runs on operator-supplied input at build time.", reviewed: "2026-11-24" },
        { advisory: "GHSA-hhhh-jjjj-mmmm", package: "gone", reason: "Was fixed upstream; kept here by mistake.", reviewed: "2026-11-24" },
      ],
    });
    const { blocking, stale } = judge(findings(report), exceptions);
    expect(blocking.map((f) => f.advisory)).toEqual(["GHSA-2222-3333-4444"]);
    expect(stale.map((e) => e.package)).toEqual(["gone"]);
  });

  it("passes a clean report", () => {
    expect(judge(findings({ vulnerabilities: {} }), parseExceptions({ exceptions: [] })).blocking).toEqual([]);
  });

  it("refuses an exception without a reason, or with an id that is not an advisory's", () => {
    expect(() => parseExceptions({ exceptions: [{ advisory: "GHSA-5555-6666-7777", package: "x", reason: "", reviewed: "2026-11-24" }] })).toThrow(/reason/);
    expect(() => parseExceptions({ exceptions: [{ advisory: "CVE-2026-1", package: "x", reason: "because it is fine, really", reviewed: "2026-11-24" }] })).toThrow(/advisory/);
  });

  it("treats an audit that could not run (no registry, no audit endpoint) as not done, never as clean", () => {
    expect(() => findings({ message: "405 Method Not Allowed", statusCode: 405, error: { summary: "", detail: "" } })).toThrow(AuditUnavailable);
    expect(() => findings({ error: { code: "ENOTFOUND", summary: "request failed" } })).toThrow(/request failed/);
  });

  it("has a valid exceptions file in the repository", () => {
    expect(() => parseExceptions(JSON.parse(fs.readFileSync(EXCEPTIONS_FILE, "utf8")))).not.toThrow();
  });
});
