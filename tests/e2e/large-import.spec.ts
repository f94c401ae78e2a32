// Given a CSV file larger than Next.js's 10 MB proxy body limit, when it is
// sent to the import API of the built app, then every byte arrives: the file
// is checked whole, and imported whole. (The proxy once cut such uploads.)
import { expect, test } from "@playwright/test";
import { ADMIN, createToken } from "./helpers";

test("an import of more than 10 MB arrives whole, checked and committed", async ({ request }) => {
  const token = createToken(ADMIN.email, "large import");
  const header = ["target_country", "metric", "report_period_start", "report_period_end", "count", "qualifier", "scope_type", "status", "speakers", "citations", "notes"];
  const padding = "x".repeat(5_500);
  const rows = Array.from({ length: 2_200 }, (_, i) => [
    "IS",
    "cyberattacks",
    "2023-01-01",
    "2023-01-31",
    String(10_000 + i),
    "exact",
    "all",
    "draft",
    "Large File Speaker; Spokesperson",
    "Large File Daily; https://large.example/x",
    `Large file row ${i} ${padding}`,
  ]);
  const body = [header, ...rows].map((row) => row.join(",")).join("\r\n") + "\r\n";
  expect(body.length).toBeGreaterThan(11 * 1024 * 1024);

  for (const dryRun of [true, false]) {
    const response = await request.post(`/api/v1/import?dryRun=${dryRun}`, {
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
      data: body,
      timeout: 120_000,
    });
    const result = await response.json();
    expect(response.status(), JSON.stringify(result).slice(0, 300)).toBe(200);
    expect(result).toMatchObject({ valid: true, committed: !dryRun, rows: 2_200, reports: { created: 2_200, updated: 0, unchanged: 0 } });
  }
  // Drafts: out of every public view, and gone with the test database.
});
