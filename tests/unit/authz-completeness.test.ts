// Given the route files of the app, every one that exports a write method has
// an entry in the authorisation matrix (or a stated reason not to), and every
// admin page is in the page matrix. A new write route without an entry fails here.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ADMIN_PAGE_FILES, ADMIN_PAGES, NOT_IN_MATRIX, READ_ENDPOINTS, READS_NOT_IN_MATRIX, WRITE_ENDPOINTS } from "../authz/routes";

const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"];

function files(dir: string, name: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full, name) : entry.name === name ? [full.split(path.sep).join("/")] : [];
  });
}

/** The HTTP methods a route module exports, however it writes the export. */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:const|let|var|async\s+function|function)\s+([A-Z]+)\b/g)) found.add(match[1]);
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of match[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name) found.add(name);
    }
  }
  for (const match of source.matchAll(/export\s+const\s*\{([^}]*)\}/g)) {
    for (const part of match[1].split(",")) found.add(part.split(":").pop()!.trim());
  }
  return [...found].filter((name) => WRITE_METHODS.includes(name) || name === "GET");
}

const writeMethods = (source: string) => exportedMethods(source).filter((m) => WRITE_METHODS.includes(m));

describe("the authorisation matrix covers every write route", () => {
  const routeFiles = files("app/api", "route.ts");

  it("finds the route files (the scan itself works)", () => {
    expect(routeFiles).toContain("app/api/v1/reports/route.ts");
    expect(writeMethods("export const POST = x;\nexport { handle as DELETE, handle as GET };\nexport async function PATCH() {}")).toEqual(["POST", "PATCH", "DELETE"]);
    expect(exportedMethods("export async function GET() {}\nexport const POST = x;")).toEqual(["GET", "POST"]);
  });

  it.each(routeFiles)("%s", (file) => {
    const methods = writeMethods(fs.readFileSync(file, "utf8"));
    if (file in NOT_IN_MATRIX) return;
    for (const method of methods) {
      const entry = WRITE_ENDPOINTS.find((e) => e.file === file && e.method === method);
      expect(entry, `${method} ${file} exports a write method but has no entry in tests/authz/routes.ts`).toBeDefined();
    }
  });

  it("has no entry for a route or method that does not exist", () => {
    for (const entry of WRITE_ENDPOINTS) {
      expect(fs.existsSync(entry.file), entry.file).toBe(true);
      expect(exportedMethods(fs.readFileSync(entry.file, "utf8")), `${entry.method} ${entry.file}`).toContain(entry.method);
    }
  });
});

describe("every read route declares what anonymous readers get", () => {
  it.each(files("app/api", "route.ts").filter((file) => exportedMethods(fs.readFileSync(file, "utf8")).includes("GET")))("%s", (file) => {
    if (file in READS_NOT_IN_MATRIX) return;
    expect(READ_ENDPOINTS.find((e) => e.file === file), `GET ${file} has no entry in READ_ENDPOINTS (tests/authz/routes.ts)`).toBeDefined();
  });

  it("has no entry for a route without GET", () => {
    for (const entry of READ_ENDPOINTS) {
      expect(fs.existsSync(entry.file), entry.file).toBe(true);
      expect(exportedMethods(fs.readFileSync(entry.file, "utf8")), entry.file).toContain("GET");
    }
  });
});

describe("the page matrix covers every admin page", () => {
  it.each(files("app/admin", "page.tsx"))("%s", (file) => {
    expect(ADMIN_PAGE_FILES[file], `${file} is an admin page without an entry in ADMIN_PAGE_FILES`).toBeDefined();
    expect(ADMIN_PAGES).toContain(ADMIN_PAGE_FILES[file]);
  });
});
