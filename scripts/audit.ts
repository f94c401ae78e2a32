// npm run audit:prod — the production dependencies' known advisories.
//
// Runs `npm audit --omit=dev --audit-level=high --json` and fails on any high
// or critical advisory that audit-exceptions.json does not list with a reason.
// Exits 0 when clean, 1 on an advisory without an exception, 2 when the audit
// itself could not run (no registry, or one without the audit endpoint): not
// having looked is never reported as clean.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export const EXCEPTIONS_FILE = "audit-exceptions.json";
const BLOCKING = new Set(["high", "critical"]);

const exceptionsSchema = z.object({
  exceptions: z.array(
    z
      .object({
        /** The advisory id, e.g. "GHSA-xxxx-xxxx-xxxx" (the last part of its URL). */
        advisory: z.string().regex(/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/, { error: "must be a GHSA id, e.g. GHSA-abcd-efgh-jkmp" }),
        package: z.string().min(1),
        /** Why it does not affect this app, or why it cannot be fixed yet, and what would change that. */
        reason: z.string().trim().min(20, { error: "must say why, in a sentence" }),
        reviewed: z.iso.date(),
      })
      .strict(),
  ),
});
export type AuditExceptions = z.infer<typeof exceptionsSchema>;

export interface Finding {
  package: string;
  advisory: string;
  severity: string;
  title: string;
  url: string;
}

/** What `npm audit --json` prints (the parts read here). */
interface AuditReport {
  vulnerabilities?: Record<string, { name: string; severity: string; via: Array<string | { source?: number; name?: string; dependency?: string; title?: string; url?: string; severity?: string }> }>;
  error?: { code?: string | null; summary?: string; detail?: string };
  message?: string;
  statusCode?: number;
}

export class AuditUnavailable extends Error {}

/** The high and critical advisories in an audit report, one per advisory and package. */
export function findings(report: AuditReport): Finding[] {
  if (!report.vulnerabilities) {
    const why = report.error?.summary || report.message || report.error?.code || "no vulnerabilities section in npm audit's output";
    throw new AuditUnavailable(`npm audit did not run: ${why}`);
  }
  const found = new Map<string, Finding>();
  for (const vulnerability of Object.values(report.vulnerabilities)) {
    for (const via of vulnerability.via) {
      // A string names another vulnerable package; its own entry carries the advisory.
      if (typeof via === "string" || !via.severity || !BLOCKING.has(via.severity)) continue;
      const url = via.url ?? "";
      const advisory = url.split("/").pop() || String(via.source ?? "unknown");
      const name = via.name ?? via.dependency ?? vulnerability.name;
      found.set(`${advisory} ${name}`, { package: name, advisory, severity: via.severity, title: via.title ?? "", url });
    }
  }
  return [...found.values()].sort((a, b) => a.package.localeCompare(b.package) || a.advisory.localeCompare(b.advisory));
}

export function parseExceptions(json: unknown): AuditExceptions {
  const parsed = exceptionsSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${EXCEPTIONS_FILE}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

/** Findings no exception covers, and exceptions no finding needs any more (to be removed). */
export function judge(found: Finding[], exceptions: AuditExceptions): { blocking: Finding[]; stale: AuditExceptions["exceptions"] } {
  const covered = (f: Finding) => exceptions.exceptions.some((e) => e.advisory === f.advisory && e.package === f.package);
  const used = (e: AuditExceptions["exceptions"][number]) => found.some((f) => f.advisory === e.advisory && f.package === e.package);
  return { blocking: found.filter((f) => !covered(f)), stale: exceptions.exceptions.filter((e) => !used(e)) };
}

function main(): number {
  const root = path.resolve(import.meta.dirname, "..");
  const exceptions = parseExceptions(JSON.parse(fs.readFileSync(path.join(root, EXCEPTIONS_FILE), "utf8")));
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const audit = spawnSync(npm, ["audit", "--omit=dev", "--audit-level=high", "--json"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  let report: AuditReport;
  try {
    report = JSON.parse(audit.stdout) as AuditReport;
  } catch {
    console.error(`npm audit did not answer with JSON (exit ${audit.status}):\n${audit.stderr.trim()}`);
    return 2;
  }
  let found: Finding[];
  try {
    found = findings(report);
  } catch (error) {
    if (!(error instanceof AuditUnavailable)) throw error;
    console.error(error.message);
    return 2;
  }
  const { blocking, stale } = judge(found, exceptions);
  for (const e of stale) console.warn(`Exception no longer needed (remove it from ${EXCEPTIONS_FILE}): ${e.advisory} in ${e.package}`);
  for (const f of found.filter((x) => !blocking.includes(x))) console.log(`Excepted: ${f.severity} ${f.advisory} in ${f.package}: ${f.title}`);
  if (blocking.length) {
    console.error(`${blocking.length} high or critical advisories in production dependencies:`);
    for (const f of blocking) console.error(`  ${f.severity} ${f.advisory} in ${f.package}: ${f.title} ${f.url}`);
    console.error(`Upgrade, or add each to ${EXCEPTIONS_FILE} with the reason it does not affect this app.`);
    return 1;
  }
  console.log(`Production dependencies: no high or critical advisories${found.length ? " beyond the listed exceptions" : ""}.`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) process.exit(main());
