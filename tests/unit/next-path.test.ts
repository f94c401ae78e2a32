// Given the `next` parameter of /sign-in, when it is any string an attacker
// can put in a link, then the visitor is sent to a path on this site — never
// to another host, and never with a value that cannot be a Location header.
import { describe, expect, it } from "vitest";
import { safeNextPath, safeNextUrl } from "@/lib/auth/next-path";

const ORIGIN = "https://dashboard.example";

/** What a browser does with the path on this page: where does it land? */
const landsOn = (next: string) => new URL(safeNextUrl(next, ORIGIN), ORIGIN);

describe("safeNextPath", () => {
  it.each([
    "/admin",
    "/reports/7",
    "/?target=EC&from=2019-01-01",
    "/reports/7#history",
    "/admin/reports/new",
  ])("keeps the path %s", (next) => {
    expect(safeNextPath(next)).toBe(next);
  });

  it.each([
    ["a tab that browsers strip", "/\t/evil.example"],
    ["a tab, percent-decoded by the router", decodeURIComponent("/%09/evil.example")],
    ["a line feed", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["CR LF (header injection)", "/x\r\nSet-Cookie: a=b"],
    ["a NUL", "/x\u0000"],
    ["a C1 control", "/x\u0085y"],
    ["protocol-relative", "//evil.example"],
    ["a backslash", "/\\evil.example"],
    ["backslashes", "\\\\evil.example"],
    ["a full URL", "https://evil.example/"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["no leading slash", "evil.example"],
    ["an empty string", ""],
    ["over 500 characters", "/" + "a".repeat(600)],
    ["the sign-in page itself (a loop)", "/sign-in?next=/admin"],
  ])("refuses %s", (_what, next) => {
    expect(safeNextPath(next)).toBe("/");
    expect(landsOn(next).origin).toBe(ORIGIN);
  });

  it("refuses what is not a string", () => {
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(["/a", "/b"])).toBe("/");
    expect(safeNextPath(null, "")).toBe("");
  });

  it.each(["/reports?q=Кремль", "/reports#Кремль", "/Équateur", "/x?q=\u{1F600}"])(
    "gives %s back ASCII-only, so it can be a Location header",
    (next) => {
      const path = safeNextPath(next);
      expect(path).toMatch(/^\/[\x21-\x7e]*$/);
      expect(() => new Headers({ location: path })).not.toThrow();
      expect(landsOn(next).origin).toBe(ORIGIN);
      expect(decodeURIComponent(path)).toBe(next.normalize());
    },
  );

  it("lands on this origin for every tricky prefix a browser might resolve elsewhere", () => {
    const prefixes = ["/", "//", "/\\", "/\t/", "/ /", "/%2f/", "/..//", "/./", "/@", "/%5c"];
    for (const prefix of prefixes) {
      for (const host of ["evil.example", "evil.example:443", "user@evil.example"]) {
        const next = prefix + host;
        expect(landsOn(next).origin, JSON.stringify(next)).toBe(ORIGIN);
        expect(() => new Headers({ location: safeNextPath(next) })).not.toThrow();
      }
    }
  });
});
