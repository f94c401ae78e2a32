// Given the components, nothing injects raw HTML: React escapes every text it
// renders, and no component opts out of that.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : /\.(tsx?|jsx?)$/.test(entry.name) ? [full] : [];
  });
}

describe("rendering user text", () => {
  it("never uses dangerouslySetInnerHTML or innerHTML", () => {
    const offenders = ["app", "components", "lib"]
      .flatMap(sources)
      .filter((file) => !file.includes(`lib${path.sep}generated`))
      .filter((file) => /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML/.test(fs.readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
